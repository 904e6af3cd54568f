// The scriptable event stream of test/sse-server.mjs, as the events-endpoint tests drive it.
import { waitFor } from './waiting.js';

export const linked = (...ids: string[]) => ({ body: { activeSocialAccounts: ids } });

interface StreamState {
  open: number;
  opened: number;
  closed: number;
  requests: { url: string; headers: Record<string, string> }[];
}

let counter = 0;

/** A fresh scriptable event stream on the test server (see test/sse-server.mjs). */
export function sseEndpoint() {
  const id = `e${Date.now().toString(36)}${(counter++).toString(36)}`;
  const control = `/sse-control/${id}`;
  const post = (action: string, body: unknown = {}) =>
    fetch(`${control}/${action}`, { method: 'POST', body: JSON.stringify(body) }).then(() => undefined);
  const state = async (): Promise<StreamState> => (await fetch(control, { cache: 'no-store' })).json() as Promise<StreamState>;
  return {
    url: `/sse/${id}`,
    absoluteUrl: new URL(`/sse/${id}`, location.href).href,
    state,
    /** Waits until the server holds `count` open streams for this endpoint. */
    async openCount(count: number) {
      await waitFor(async () => (await state()).open === count, `the server never held ${count} open stream(s)`);
    },
    push: (frame: { event?: string; data?: string; id?: string; raw?: string }) => post('push', frame),
    change: (data: object = { type: 'unlink', platform: 'facebook', source: 'system' }, id?: string) =>
      post('push', { event: 'status', data: JSON.stringify(data), id }),
    drop: () => post('drop'),
    answer: (answer: { status?: number; type?: string | null; retry?: number }) => post('answer', answer),
  };
}
