// A loopback stand-in for Ayrshare that answers whatever a test scripts, over real HTTP, and
// counts the calls that reach it. It stops when the test file ends (after hook, unref'd).
import { createServer } from 'node:http';
import { after } from 'node:test';

const servers = new Set();
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/**
 * `answer(call, res)` writes the answer: either return `{ status, body, headers }` (body a
 * string or JSON-able value) or write to `res` yourself and return nothing.
 */
export async function fakeUpstream(answer) {
  const calls = [];
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const call = { method: req.method, path: req.url, headers: req.headers, body: text ? JSON.parse(text) : undefined };
    calls.push(call);
    const scripted = await answer(call, res);
    if (!scripted) return;
    const { status = 200, body = {}, headers = {} } = scripted;
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  server.unref();
  servers.add(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { calls, baseUrl: `http://127.0.0.1:${server.address().port}/api` };
}
