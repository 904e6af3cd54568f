// When hovering or focusing a control counts as the intent to link: a pointer or focus that
// stays on it for a moment (a sweep across the rows is no intent), or a press at once.

// Long enough for a pointer crossing a row on its way elsewhere, short enough to be done before
// a deliberate click lands.
export const DWELL_MS = 120;

/**
 * The linking scope a control in the element's shadow root stands for: '' for the main button,
 * a network for a row's Link or Reconnect, `retryScope` for a flow error's button (when there is
 * one); undefined for anything else.
 */
export function scopeOf(node: EventTarget | null | undefined, retryScope: string | undefined): string | undefined {
  if (!(node instanceof Element)) return undefined;
  const row = node.closest('[part~="link-network"], [part~="reconnect"]');
  if (row) return row.closest<HTMLElement>('li[data-network]')?.dataset.network;
  if (node.closest('[part~="button"]')) return '';
  return node.closest('[part~="retry"]') ? retryScope : undefined;
}

/** Whether the pointer is on, or the focus in, a control of `scope`. */
function stillThere(root: ShadowRoot, scope: string, retryScope: string | undefined): boolean {
  const here = [...root.querySelectorAll('button:hover'), root.activeElement];
  return here.some((node) => scopeOf(node, retryScope) === scope);
}

/**
 * Turns hover and focus into a prefetch once they have lasted `DWELL_MS`, and a press on a
 * control into one at once.
 */
export class PrefetchIntent {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #scope: string | undefined;
  readonly #host: HTMLElement;
  readonly #retryScope: () => string | undefined;
  readonly #prefetch: (scope: string) => void;

  /** `prefetch` is called only while `host` is in the document; it checks the settings itself. */
  constructor(host: HTMLElement, retryScope: () => string | undefined, prefetch: (scope: string) => void) {
    this.#host = host;
    this.#retryScope = retryScope;
    this.#prefetch = prefetch;
    // A press (mouse, pen or touch) is intent at once: the click follows within moments.
    host.addEventListener('pointerdown', (event) => {
      const scope = scopeOf(event.composedPath()[0], this.#retryScope());
      if (scope !== undefined) this.#fire(scope);
    });
  }

  /** Hover or focus on a control of `scope`: prefetch if it is still there after the dwell. */
  soon(scope: string): void {
    if (this.#timer !== undefined && this.#scope === scope) return;
    clearTimeout(this.#timer);
    this.#scope = scope;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const root = this.#host.shadowRoot;
      if (root && stillThere(root, scope, this.#retryScope())) this.#fire(scope);
    }, DWELL_MS);
  }

  /** A click opened (or failed to open) the flow: the hover or focus that led to it is spent. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #fire(scope: string): void {
    if (this.#host.isConnected) this.#prefetch(scope);
  }
}
