// `events-endpoint`: the signed-in user's changes as Server-Sent Events. On open `retry:` and an
// `event: ready`; each change an `event: status` with its id (its type, network and source, never
// whose it is); a `: ping` comment every heartbeat. A reconnecting browser's `Last-Event-ID`
// replays what it missed, or, when that is too old to know, one `{"type":"changed"}` so the
// page reads its status again. A stream ends when the client goes (the request's signal, or the
// body's reader cancelled) and leaves no subscriber behind.
import { numberOption } from '../ayrshare/errors.js';
import { checkedCall } from '../http/requests.js';
import { fail } from '../http/responses.js';
import type { StatusChange } from '../live/changes.js';
import type { EndpointContext } from './options.js';

const READY_WAIT_MS = 5000;
/** Frames a client has not read yet before it is dropped (it reconnects and replays). */
const MAX_QUEUED = 256;

const encoder = new TextEncoder();

/** The wire form of a change: no subject, no refId. */
function statusFrame(change: StatusChange): string {
  const data = { type: change.type, ...(change.platform ? { platform: change.platform } : {}), ...(change.source ? { source: change.source } : {}) };
  return `id: ${change.id}\nevent: status\ndata: ${JSON.stringify(data)}\n\n`;
}

const CHANGED = 'event: status\ndata: {"type":"changed"}\n\n';

export function eventsHandler(context: EndpointContext): (request: Request) => Promise<Response> {
  const given = context.options.events ?? {};
  const heartbeatMs = numberOption('events.heartbeatMs', given.heartbeatMs, 25_000, { min: 1000, max: 3_600_000 });
  const maxStreams = numberOption('events.maxStreamsPerUser', given.maxStreamsPerUser, 8, { min: 1, max: 1000 });
  const retryMs = numberOption('events.retryMs', given.retryMs, 3000, { min: 100, max: 3_600_000 });
  const { changes } = context;
  const open = new Map<string, number>();

  return async (request) => {
    const checked = await checkedCall(request, 'GET', context.checks);
    if (checked instanceof Response) return checked;
    const subject = await context.subjectOf(checked.who);
    // A new stream is refused rather than an old one closed: closing the oldest would make the
    // tabs past the bound take turns reconnecting every few seconds.
    if ((open.get(subject) ?? 0) >= maxStreams) {
      return fail(429, 'Too many open pages for this account.', {}, { 'Retry-After': '30' });
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        changes.ready?.(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('not ready')), READY_WAIT_MS))),
      ]);
    } catch {
      return fail(503, 'Live updates are briefly unavailable.', {}, { 'Retry-After': '5' });
    } finally {
      clearTimeout(timer);
    }
    if (request.signal.aborted) return new Response(null, { status: 204 });
    const lastId = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
    open.set(subject, (open.get(subject) ?? 0) + 1);

    let ended = false;
    let unsubscribe = () => {};
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const end = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      clearInterval(heartbeat);
      request.signal.removeEventListener('abort', end);
      const left = (open.get(subject) ?? 1) - 1;
      if (left > 0) open.set(subject, left);
      else open.delete(subject);
      try {
        controller.close();
      } catch {
        // Already closed or errored by the reader's side.
      }
    };
    const send = (frame: string) => {
      if (ended) return;
      // A client that stopped reading is let go: it reconnects and replays from its last id.
      if ((controller.desiredSize ?? 0) < -MAX_QUEUED) return end();
      controller.enqueue(encoder.encode(frame));
    };

    const body = new ReadableStream<Uint8Array>({
      start(streamController) {
        controller = streamController;
        // Live changes wait while the replay is read, then only those it did not carry go out.
        let held: StatusChange[] | undefined = [];
        const replayed = new Set<string>();
        unsubscribe = changes.subscribe(subject, (change) => (held ? held.push(change) : send(statusFrame(change))));
        request.signal.addEventListener('abort', end);
        heartbeat = setInterval(() => send(': ping\n\n'), heartbeatMs);
        send(`retry: ${retryMs}\n\nevent: ready\ndata: {}\n\n`);
        void (async () => {
          if (lastId !== null) {
            const missed = lastId.length <= 32 ? await changes.since(subject, lastId).catch(() => undefined) : undefined;
            if (!missed) send(CHANGED);
            for (const change of missed ?? []) {
              replayed.add(change.id);
              send(statusFrame(change));
            }
          }
          const live = held ?? [];
          held = undefined;
          for (const change of live) if (!replayed.has(change.id)) send(statusFrame(change));
        })();
        if (request.signal.aborted) end();
      },
      cancel: end,
    }, new CountQueuingStrategy({ highWaterMark: 1 }));

    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
      },
    });
  };
}
