// The page-wide events registry: one EventSource per events endpoint, shared by every element on
// the page (as status-source.ts shares one status read), closed when the last one leaves.
// Each valid `status` event, and each `ready` after the stream broke (changes may have been
// missed meanwhile), tells every subscriber to re-read; events of one task are told once.

type Listener = () => void;

interface Stream {
  listeners: Set<Listener>;
  source?: EventSource;
  /** The reconnect waiting after the browser gave up on the stream. */
  timer?: ReturnType<typeof setTimeout>;
  /** Give-ups since the last `ready`: the backoff's exponent. */
  failures: number;
  /** The stream broke since its last `ready`: the next one follows a reconnect. */
  broke?: boolean;
  /** Subscribers are told at the end of this task. */
  queued?: boolean;
}

const streams = new Map<string, Stream>();

/** `data` longer than this is not a change the server sends: ignored unread. */
const MAX_DATA = 4096;
const CHANGE_TYPES = ['link', 'unlink', 'refresh', 'changed'];
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 60_000;

/** Whether a `status` event's data is a change: `{ "type": "link" | "unlink" | "refresh" | "changed", … }`. */
function isChange(data: unknown): boolean {
  if (typeof data !== 'string' || data.length > MAX_DATA) return false;
  try {
    return CHANGE_TYPES.includes((JSON.parse(data) as { type?: unknown } | null)?.type as string);
  } catch {
    return false;
  }
}

function connect(stream: Stream, url: string, withCredentials: boolean): void {
  let source: EventSource;
  try {
    source = new EventSource(url, { withCredentials });
  } catch {
    // No EventSource here, or a URL it refuses: waiting would not change that.
    return;
  }
  stream.source = source;
  const tell = (): void => {
    if (stream.queued) return;
    stream.queued = true;
    queueMicrotask(() => {
      stream.queued = false;
      if (stream.source !== source) return;
      for (const listener of [...stream.listeners]) listener();
    });
  };
  source.addEventListener('status', (event) => {
    if (isChange((event as MessageEvent).data)) tell();
  });
  source.addEventListener('ready', () => {
    if (stream.broke) tell();
    stream.broke = false;
    stream.failures = 0;
  });
  source.addEventListener('error', () => {
    stream.broke = true;
    // CONNECTING: the browser reconnects by itself. CLOSED: it gave up (an error status, another
    // content type); try again later, up to a minute apart, jittered so pages do not come back at once.
    if (source.readyState !== EventSource.CLOSED) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** stream.failures++);
    stream.timer = setTimeout(() => connect(stream, url, withCredentials), delay * (0.5 + Math.random() / 2));
  });
}

/**
 * Calls `listener` when the status behind the events endpoint `url` (absolute, http(s)) may have
 * changed, until the returned function is called. `withCredentials` sends cookies cross-origin.
 */
export function subscribeEvents(url: string, withCredentials: boolean, listener: Listener): () => void {
  const key = `${withCredentials ? '+' : '-'}${url}`;
  let stream = streams.get(key);
  if (!stream) {
    stream = { listeners: new Set(), failures: 0 };
    streams.set(key, stream);
    connect(stream, url, withCredentials);
  }
  const own = stream;
  own.listeners.add(listener);
  return () => {
    own.listeners.delete(listener);
    if (own.listeners.size || streams.get(key) !== own) return;
    streams.delete(key);
    own.source?.close();
    own.source = undefined;
    clearTimeout(own.timer);
  };
}

/** How many streams the page holds (for tests: 0 once every element has left). */
export function openStreams(): number {
  return streams.size;
}
