// Mounting Web `Request` → `Response` handlers in Node's http server (and so in Express, which
// passes the same req/res). Typed structurally, so these types need no @types/node.
import { ADAPTER_BODY_BYTES } from './body.js';
import { internalError, tooLarge, tooSlow } from './responses.js';

/** The parts of Node's IncomingMessage used here. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** A TLS socket has `encrypted: true`. */
  socket?: object | null;
  /** True once the whole body has arrived. */
  readonly complete?: boolean;
}

/** The parts of Node's ServerResponse used here. */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  end(body?: Uint8Array | string): unknown;
  /** For streamed answers (Server-Sent Events); without it, a stream is sent once it ends. */
  write?(chunk: Uint8Array): boolean;
  flushHeaders?(): void;
  /** `close` (the client went or the answer is done) and `drain`. */
  once?(event: 'close' | 'drain', listener: () => void): unknown;
  removeListener?(event: 'close' | 'drain', listener: () => void): unknown;
}

export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface NodeBodyOptions {
  /** The largest request body read, in bytes (default 64 KiB); larger is 413. */
  maxBodyBytes?: number;
  /**
   * Milliseconds a request body may take to arrive, counted from when the handler starts
   * reading it (default 10000); slower is 408 and the connection is closed.
   */
  bodyTimeout?: number;
}

const BODY_TIMEOUT_MS = 10_000;

/** Why a request body was not read to its end: answered with `status`, and the socket closed. */
export class BodyFailure extends Error {
  constructor(readonly status: 408 | 413) {
    super(status === 408 ? 'The request body took too long to arrive.' : 'The request is too large.');
  }

  answer(): Response {
    return this.status === 408 ? tooSlow() : tooLarge();
  }
}

interface BodyState {
  failure?: BodyFailure;
  /** The whole body was read. */
  done: boolean;
  /** Stops the body's timer once the answer is out. */
  settle?: () => void;
}

/**
 * The body as a stream that reads from the socket only when the handler reads it, so a handler
 * that refuses the method, the Origin or the user answers before any body byte is taken.
 */
function bodyStream(req: NodeRequestLike, limits: NodeBodyOptions, state: BodyState): ReadableStream<Uint8Array> {
  const max = limits.maxBodyBytes ?? ADAPTER_BODY_BYTES;
  const bodyTimeout = Math.min(Math.max(1, limits.bodyTimeout ?? BODY_TIMEOUT_MS), 2 ** 31 - 1);
  let iterator: AsyncIterator<Uint8Array | string> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let size = 0;
  state.settle = () => clearTimeout(timer);
  const stop = (controller: ReadableStreamDefaultController<Uint8Array>, failure: BodyFailure) => {
    clearTimeout(timer);
    state.failure ??= failure;
    controller.error(failure);
  };
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      if (!iterator) {
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > max) return stop(controller, new BodyFailure(413));
        iterator = req[Symbol.asyncIterator]();
        // A client that trickles its body (or sends none after its headers) holds a socket and
        // a handler: bounded from the first read.
        timer = setTimeout(() => stop(controller, new BodyFailure(408)), bodyTimeout);
      }
      let next: IteratorResult<Uint8Array | string>;
      try {
        next = await iterator.next();
      } catch (error) {
        clearTimeout(timer);
        if (!state.failure) controller.error(error);
        return;
      }
      if (state.failure) return;
      if (next.done) {
        clearTimeout(timer);
        state.done = true;
        controller.close();
        return;
      }
      const bytes = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
      size += bytes.byteLength;
      if (size > max) return stop(controller, new BodyFailure(413));
      controller.enqueue(bytes);
    },
    // The handler read enough (its own cap): the rest stays unread and the socket is closed
    // after the answer; ending the iterator here would destroy the socket before it.
    cancel: () => clearTimeout(timer),
    // Nothing is read ahead: pull runs only when the handler reads.
  }, { highWaterMark: 0 });
}

function toRequest(req: NodeRequestLike, limits: NodeBodyOptions, state: BodyState, signal?: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const host = headers.get('host') ?? 'localhost';
  const protocol = (req.socket as { encrypted?: boolean } | null | undefined)?.encrypted ? 'https' : 'http';
  const url = new URL(req.url ?? '/', `${protocol}://${host}`);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  if (!hasBody) state.done = true;
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (signal) init.signal = signal;
  if (hasBody) {
    init.body = bodyStream(req, limits, state);
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/**
 * Converts a Node request into a Web Request. The body is not read here: it streams from the
 * socket as the handler reads it, up to 64 KiB (then the stream fails with a BodyFailure 413)
 * and within 10 s of the first read (408).
 */
export async function toWebRequest(req: NodeRequestLike, limits: NodeBodyOptions = {}): Promise<Request> {
  return toRequest(req, limits, { done: false });
}

/** Until the client read what was written, or went. */
function drained(res: NodeResponseLike): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.removeListener?.('drain', done);
      res.removeListener?.('close', done);
      resolve();
    };
    res.once?.('drain', done);
    res.once?.('close', done);
  });
}

/**
 * Writes a Web Response to a Node response. A `text/event-stream` body is written as it comes
 * (each event at once, waiting for `drain` when the client reads slowly) until it ends or the
 * client goes; any other body is sent whole, with its length.
 */
export async function sendWebResponse(response: Response, res: NodeResponseLike): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const streamed = /^text\/event-stream/i.test(response.headers.get('content-type') ?? '');
  if (!response.body || !streamed || !res.write || !res.once) {
    return void res.end(response.body ? new Uint8Array(await response.arrayBuffer()) : undefined);
  }
  const reader = response.body.getReader();
  let gone = false;
  const onClose = () => {
    gone = true;
    reader.cancel().catch(() => {});
  };
  res.once('close', onClose);
  res.flushHeaders?.();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone) break;
      if (!res.write(value)) await drained(res);
    }
  } catch {
    // The stream failed: end the answer as it stands.
  } finally {
    res.removeListener?.('close', onClose);
    if (!gone) res.end();
  }
}

/** One of our own failure answers, on a connection that is closed after it. */
async function sendFailure(res: NodeResponseLike, response: Response): Promise<void> {
  if (res.headersSent) return void res.end();
  response.headers.set('Connection', 'close');
  await sendWebResponse(response, res);
}

/**
 * Wraps a Web handler as a Node `(req, res)` listener, usable as `http.createServer(listener)`,
 * as Express middleware (`app.post('/api/social/link-url', toNodeHandler(handlers.linkUrl))`)
 * or as Connect/Vite middleware. The handler's checks run before the body is read; a body left
 * unread (refused, or past a cap) closes the connection after the answer, so the client's next
 * request is never read from the middle of it and a slow client holds nothing.
 */
export function toNodeHandler(handler: FetchHandler, limits: NodeBodyOptions = {}) {
  return async (req: NodeRequestLike, res: NodeResponseLike): Promise<void> => {
    const state: BodyState = { done: false };
    // The Request's signal aborts when the client goes, so a long answer (an event stream) ends.
    const aborter = new AbortController();
    res.once?.('close', () => aborter.abort());
    let response: Response | undefined;
    try {
      response = await handler(toRequest(req, limits, state, aborter.signal));
    } catch {
      // A body failure is answered below; anything else is the handler's own error.
    }
    state.settle?.();
    if (state.failure) return sendFailure(res, state.failure.answer());
    if (!response) return sendFailure(res, internalError());
    if (!state.done && req.complete !== true) res.setHeader('Connection', 'close');
    try {
      await sendWebResponse(response, res);
    } catch {
      await sendFailure(res, internalError());
    }
  };
}
