// See plain/i18n.ts: an element that always speaks English, left to right.
import type { ReactiveElement } from 'lit';
import type { MessageId, Text } from '../../src/i18n/messages.js';
import { format } from './i18n.js';

export class LanguageController {
  constructor(_host: ReactiveElement, _overrides: unknown) {}
  readonly lang = 'en';
  readonly dir = 'ltr';
  t(id: MessageId, params?: Record<string, string | number>): string {
    return this.say(params ? { id, params } : { id });
  }
  say(text: Text): string {
    return format(text);
  }
  list(items: string[]): string {
    return items.join(', ');
  }
  date(iso: string | undefined): string {
    return iso ? new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(new Date(iso)) : '';
  }
}
