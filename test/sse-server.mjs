// A scriptable Server-Sent Events endpoint for the browser tests, mounted in web-test-runner's
// dev server, speaking the events handler's wire format (docs/contract.md): on open
// `retry: <ms>` then `event: ready` / `data: {}`; changes as `id` / `event: status` / `data`.
// A test gets its own id and, at `/sse-control/<id>`:
//   GET                  { open, opened, closed, requests: [{ url, headers }] }
//   POST /push           { event?, data?, id?, raw? }: written to every open stream (raw: as is)
//   POST /drop           ends every open stream (EventSource reconnects by itself)
//   POST /answer         { status?, type?, retry? }: how the next connections are answered
//                        (an error status or another type makes EventSource give up)
const channels = new Map();

function channel(id) {
  let entry = channels.get(id);
  if (!entry) {
    entry = { open: new Set(), opened: 0, closed: 0, requests: [], answer: { status: 200, retry: 3000 } };
    channels.set(id, entry);
  }
  return entry;
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function frame({ event, data, id, raw }) {
  if (raw !== undefined) return raw;
  return `${id !== undefined ? `id: ${id}\n` : ''}${event ? `event: ${event}\n` : ''}data: ${data ?? '{}'}\n\n`;
}

export function sseServer() {
  return async function sseMiddleware(ctx, next) {
    const control = /^\/sse-control\/([\w-]+)(?:\/(push|drop|answer))?$/.exec(ctx.path);
    if (control) {
      const entry = channel(control[1]);
      const action = control[2];
      if (!action) {
        ctx.type = 'application/json';
        ctx.set('Cache-Control', 'no-store');
        const { open, opened, closed, requests } = entry;
        ctx.body = JSON.stringify({ open: open.size, opened, closed, requests });
        return;
      }
      const body = await readJson(ctx.req);
      if (action === 'push') for (const res of entry.open) res.write(frame(body));
      if (action === 'drop') for (const res of entry.open) res.destroy();
      if (action === 'answer') entry.answer = { ...entry.answer, ...body };
      ctx.status = 204;
      return;
    }

    const stream = /^\/sse\/([\w-]+)$/.exec(ctx.path);
    if (!stream) return next();
    const entry = channel(stream[1]);
    entry.requests.push({ url: ctx.url, headers: ctx.headers });
    const { status, type, retry } = entry.answer;
    if (status !== 200 || type) {
      ctx.status = status;
      ctx.type = type ?? 'text/plain';
      ctx.body = 'no stream';
      return;
    }
    // Written by hand and held open: Koa would buffer a body.
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(`retry: ${retry}\n\nevent: ready\ndata: {}\n\n`);
    entry.open.add(res);
    entry.opened++;
    res.on('close', () => {
      if (entry.open.delete(res)) entry.closed++;
    });
  };
}
