const POLL_MS = 500;
// A page that posts and then closes itself (the callback page, Ayrshare after Done) can close
// before its message is delivered: give the message this long to arrive first.
const CLOSE_GRACE_MS = 150;

/** What a watched popup can do. */
export interface PopupEvents {
  /** It closed (reported a moment after, so its last message arrives first). */
  closed(): void;
  /** It came back to our own origin after visiting the provider (a same-origin callback page). */
  back(): void;
}

/** Watches one popup window: whether it is still open, and whether it came back to our origin. */
export class PopupWatcher {
  #timer: ReturnType<typeof setInterval> | undefined;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param leftOrigin it already shows the provider's page (opened straight at the linking URL)
   */
  readonly #on: PopupEvents;
  #leftOrigin: boolean;

  constructor(readonly popup: Window, on: PopupEvents, leftOrigin: boolean) {
    this.#on = on;
    this.#leftOrigin = leftOrigin;
    this.#timer = setInterval(() => this.#poll(), POLL_MS);
  }

  get alive(): boolean {
    return !this.popup.closed;
  }

  /** Sends the popup to `href`; false when it is no longer ours to navigate. */
  navigate(href: string): boolean {
    this.#leftOrigin = true;
    try {
      // replace(): the popup's history keeps no blank page to go back to.
      this.popup.location.replace(href);
      return true;
    } catch {
      return false;
    }
  }

  /** Brings the popup to the front. */
  raise(): void {
    try {
      this.popup.focus();
    } catch {
      // a window we can no longer reach
    }
  }

  /** Closes the popup and stops watching it. */
  close(): void {
    this.stop();
    const popup = this.popup;
    // Chromium ignores close() while the popup is mid-way through a cross-site navigation (its
    // browsing context is moving to another process), which on a loaded machine can take
    // seconds — and `closed` reads true from the first call on, so it cannot tell: ask again
    // every 250 ms for 5 s (on a window that is gone, close() does nothing).
    const attempt = (left: number) => {
      try {
        popup.close();
      } catch {
        return; // a window we can no longer reach
      }
      if (left > 0) this.#closeTimer = setTimeout(() => attempt(left - 1), 250);
    };
    attempt(20);
  }

  /** Stops asking the popup to close: a new flow may be about to reuse its window. */
  stopClosing(): void {
    clearTimeout(this.#closeTimer);
  }

  stop(): void {
    clearInterval(this.#timer);
    clearTimeout(this.#graceTimer);
    this.#timer = undefined;
    this.#graceTimer = undefined;
  }

  #poll(): void {
    if (this.popup.closed) {
      clearInterval(this.#timer);
      this.#graceTimer = setTimeout(() => this.#on.closed(), CLOSE_GRACE_MS);
      return;
    }
    // Where the callback page is on our own origin, we see the popup come back ourselves.
    try {
      const { href, origin } = this.popup.location;
      if (this.#leftOrigin && origin === location.origin && href !== 'about:blank') this.#on.back();
    } catch {
      this.#leftOrigin = true;
    }
  }
}
