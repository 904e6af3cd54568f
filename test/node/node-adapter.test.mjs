// The Node adapter over real sockets (issue 19, point 9): the handler's checks run before any
// body byte is read, and a body that trickles is cut off with 408 and a closed connection.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { toNodeHandler } from '../../dist/server.js';
import { APP, handlers } from './handlers-setup.mjs';

/** Serves `listener` on a free loopback port for the duration of `run`. */
async function serving(listener, run) {
  const server = createServer(listener);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(server.address().port);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Sends `head` (and `body`, if any) on a raw socket and never sends the rest: resolves with the
 * answer's status and headers once the server has closed the connection; rejects if it has not
 * within `limit` ms (the adapter still waiting for a body that will never come).
 */
function rawExchange(port, head, body = '', limit = 5000) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer and no close within ${limit} ms; got ${JSON.stringify(received.slice(0, 200))}`));
    }, limit);
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const [headers, content = ''] = received.split('\r\n\r\n');
      const lines = headers.split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1]);
      const fields = Object.fromEntries(lines.slice(1).map((line) => [line.split(':')[0].toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status, headers: fields, content });
    });
    socket.write(head.map((line) => `${line}\r\n`).join('') + '\r\n' + body);
  });
}

const postHead = (port, origin, length) => [
  'POST /api/social/link-url HTTP/1.1',
  `Host: 127.0.0.1:${port}`,
  ...(origin ? [`Origin: ${origin}`] : []),
  'Content-Type: application/json',
  `Content-Length: ${length}`,
];

describe('toNodeHandler checks first, then reads the body', () => {
  test('a foreign-origin POST is answered 403 before its body is sent, and the connection closed', async () => {
    await serving(toNodeHandler(handlers().linkUrl), async (port) => {
      const answer = await rawExchange(port, postHead(port, 'https://evil.example', 60_000));
      assert.equal(answer.status, 403);
      assert.equal(answer.headers.connection, 'close');
      assert.equal(JSON.parse(answer.content).code, 'origin-not-allowed');
    });
  });

  test('a refused request\'s body is never read, even when it has arrived', async () => {
    let bodyReads = 0;
    const adapter = toNodeHandler(handlers().linkUrl);
    const counting = (req, res) => {
      const iterate = req[Symbol.asyncIterator].bind(req);
      req[Symbol.asyncIterator] = () => {
        bodyReads++;
        return iterate();
      };
      return adapter(req, res);
    };
    await serving(counting, async (port) => {
      const body = JSON.stringify({ origin: 'https://evil.example' });
      const answer = await rawExchange(port, postHead(port, 'https://evil.example', body.length), body);
      assert.equal(answer.status, 403);
      assert.equal(bodyReads, 0);
      const allowed = JSON.stringify({ origin: APP });
      assert.equal((await rawExchange(port, [...postHead(port, APP, allowed.length), 'Connection: close'], allowed)).status, 200);
      assert.equal(bodyReads, 1);
    });
  });

  test('no signed-in user is 401 and a wrong method 405, both before the body is sent', async () => {
    await serving(toNodeHandler(handlers({ profileKey: () => undefined }).linkUrl), async (port) => {
      assert.equal((await rawExchange(port, postHead(port, APP, 60_000))).status, 401);
    });
    await serving(toNodeHandler(handlers().unlink), async (port) => {
      assert.equal((await rawExchange(port, postHead(port, APP, 60_000))).status, 405);
    });
  });

  test('a body that trickles is cut off: 408 within the bound, connection closed', async () => {
    await serving(toNodeHandler(handlers().linkUrl, { bodyTimeout: 300 }), async (port) => {
      const answer = await rawExchange(port, postHead(port, APP, 100), '{"origin":');
      assert.equal(answer.status, 408);
      assert.equal(answer.headers.connection, 'close');
      assert.equal(JSON.parse(answer.content).status, 'error');
    });
  });

  test('a body that arrives is read: the allowed POST still links', async () => {
    await serving(toNodeHandler(handlers({ allowedOrigins: [APP] }).linkUrl, { bodyTimeout: 2000 }), async (port) => {
      const body = JSON.stringify({ origin: APP });
      const response = await fetch(`http://127.0.0.1:${port}/api/social/link-url`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: APP },
        body,
      });
      assert.equal(response.status, 200);
      assert.ok((await response.json()).url);
      assert.notEqual(response.headers.get('connection'), 'close');
    });
  });

  test('a declared body past maxBodyBytes is 413 without reading it', async () => {
    await serving(toNodeHandler(async (request) => new Response(await request.text()), { maxBodyBytes: 10 }), async (port) => {
      const answer = await rawExchange(port, postHead(port, APP, 5000));
      assert.equal(answer.status, 413);
      assert.equal(answer.headers.connection, 'close');
    });
  });
});
