// The list settings (`networks`, `allowed-hosts`, `callback-origins`): each takes an array or —
// when a framework such as Vue or React 19 sets the property from an attribute-style string —
// space- or comma-separated text, and reads back an array.
import type { ReactiveElement } from 'lit';
import { toList } from '../protocol/list.js';

export type ListName = 'networks' | 'allowedHosts' | 'callbackOrigins';
export type ListValue = readonly string[] | string | null | undefined;

export class ListSettings {
  readonly #values: Partial<Record<ListName, string[]>> = {};
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
  }

  /** The list as set; undefined when it was not (its default applies). */
  get(name: ListName): string[] | undefined {
    return this.#values[name];
  }

  set(name: ListName, value: ListValue): void {
    const old = this.#values[name];
    this.#values[name] = value == null ? undefined : toList(value);
    this.#host.requestUpdate(name, old);
  }
}
