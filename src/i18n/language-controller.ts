import type { ReactiveController, ReactiveElement } from 'lit';
import { format, formatList, type MessageId, type Text } from './messages.js';
import { directionOf, languageOf, loadLocale, watchLanguage } from './language.js';

/**
 * The element's language, live: looked up once per update (not per sentence), its locale module
 * loaded when first used, and its sentences, lists and dates in it (the `strings` overrides first).
 */
export class LanguageController implements ReactiveController {
  /** The language of the last update.  */
  #current: string | undefined;
  #unwatch: (() => void) | undefined;

  readonly #host: ReactiveElement;
  readonly #overrides: () => Partial<Record<MessageId, string>> | undefined;

  constructor(host: ReactiveElement, overrides: () => Partial<Record<MessageId, string>> | undefined) {
    this.#host = host;
    this.#overrides = overrides;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unwatch = watchLanguage(this.#host);
  }

  hostDisconnected(): void {
    this.#unwatch?.();
  }

  hostUpdate(): void {
    this.#current = languageOf(this.#host);
    loadLocale(this.#current)?.then(() => this.#host.requestUpdate());
  }

  /** The language the last update looked up (a change of any lang on the page starts an update). */
  get lang(): string {
    return (this.#current ??= languageOf(this.#host));
  }

  /** The direction for the element's content (undefined: a nearer `dir` decides). */
  get dir(): 'rtl' | 'ltr' | undefined {
    return directionOf(this.#host, this.lang);
  }

  /** A message by id. */
  t(id: MessageId, params?: Record<string, string | number>): string {
    return this.say(params ? { id, params } : { id });
  }

  say(text: Text): string {
    return format(text, this.lang, this.#overrides());
  }

  /** "X, Facebook and LinkedIn". */
  list(items: string[]): string {
    return formatList(items, this.lang);
  }

  /** A date: "Dec 2". */
  date(iso: string | undefined): string {
    return iso ? new Intl.DateTimeFormat(this.lang, { month: 'short', day: 'numeric' }).format(new Date(iso)) : '';
  }
}
