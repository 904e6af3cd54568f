// mode="redirect" without the bearer URL in the tab's history: the linking page replaces an entry
// of this page pushed just for it, so Back from it returns here; on the way back (Back, or the
// provider sending the user to this origin again) the element makes that entry unreachable.

const KEY = 'social-link-button:redirect';
// A mark older than this is from another visit: ignored.
const MARK_LIFETIME_MS = 60 * 60_000;

interface Mark {
  /** history.length once this page's entry for the linking page was pushed. */
  length: number;
  /** The linking page's origin: only a page it sent the user to acts on the mark. */
  origin: string;
  at: number;
}

/** Leaves this page for the linking page `url`, keeping this page one Back away. */
export function leaveFor(url: string): void {
  try {
    history.pushState(history.state, '', location.href);
    const mark: Mark = { length: history.length, origin: new URL(url).origin, at: Date.now() };
    sessionStorage.setItem(KEY, JSON.stringify(mark));
  } catch {
    // No storage (a sandboxed frame, a privacy mode): still never a history entry of its own.
  }
  location.replace(url);
}

function takeMark(): Mark | undefined {
  try {
    const mark = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Mark | null;
    sessionStorage.removeItem(KEY);
    return mark && Date.now() - mark.at < MARK_LIFETIME_MS ? mark : undefined;
  } catch {
    return undefined;
  }
}

/**
 * On a page of this origin after a redirect flow. Back from the linking page (`restored`, or a
 * back/forward load): the linking page is the entry ahead, and a new entry of this page drops it.
 * Sent here by the linking page: the entry behind is the linking page, so go back past it to this
 * page's own entry, which then drops it as above.
 */
export function cameBack(restored = false): void {
  const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (!restored && navigation?.type !== 'back_forward') {
    const mark = takeMark();
    let from = '';
    try {
      from = new URL(document.referrer).origin;
    } catch {
      // no referrer
    }
    if (!mark || from !== mark.origin) return;
    // This page's entry was history.length - 2 when the mark was made; this one is the last.
    const delta = mark.length - 1 - history.length;
    // A tab at its history cap (50 entries) no longer grows, so the count says nothing of where
    // the entries are: stay here rather than step back onto the linking page.
    if (delta >= 0 || history.length <= mark.length) return;
    sessionStorage.setItem(KEY, JSON.stringify({ ...mark, at: Date.now() }));
    return history.go(delta);
  }
  if (takeMark()) history.pushState(history.state, '', location.href);
}

if (typeof window !== 'undefined') {
  addEventListener('pageshow', (event) => {
    if (event.persisted) cameBack(true);
  });
}
