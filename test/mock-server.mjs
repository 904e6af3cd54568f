// A scriptable host endpoint for the browser tests, mounted in web-test-runner's dev server.
// A test gets its own id, sets how `/mock/<id>/<name>` answers (status, JSON or raw body,
// delay; a name may also be a script in a folder, `parts/icons.js`) with a POST to
// `/mock-control/<id>/<name>`, and reads back the requests it received
// with a GET to `/mock-control/<id>/<name>/requests`. State lives as long as the test run.
const endpoints = new Map();

function endpoint(key) {
  let entry = endpoints.get(key);
  if (!entry) {
    entry = { answers: [], fallback: { status: 200, body: {} }, requests: [] };
    endpoints.set(key, entry);
  }
  return entry;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function mockServer() {
  return async function mockMiddleware(ctx, next) {
    const control = /^\/mock-control\/([\w-]+)\/([\w-]+(?:\/[\w-]+\.js)?)(\/requests)?$/.exec(ctx.path);
    if (control) {
      const entry = endpoint(`${control[1]}/${control[2]}`);
      if (control[3]) {
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(entry.requests);
        return;
      }
      // { answer, once?: boolean }: `once` queues an answer for the next request only.
      const { answer, once } = JSON.parse(await readBody(ctx.req));
      if (once) entry.answers.push(answer);
      else entry.fallback = answer;
      ctx.status = 204;
      return;
    }

    const mock = /^\/mock\/([\w-]+)\/([\w-]+(?:\/[\w-]+\.js)?)$/.exec(ctx.path);
    if (!mock) return next();
    const entry = endpoint(`${mock[1]}/${mock[2]}`);
    const body = await readBody(ctx.req);
    entry.requests.push({
      method: ctx.method,
      url: ctx.url,
      headers: ctx.headers,
      body,
    });
    const answer = entry.answers.shift() ?? entry.fallback;
    if (answer.delay) await sleep(answer.delay);
    ctx.status = answer.status ?? 200;
    ctx.set('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value);
    if (answer.raw !== undefined) {
      ctx.type = answer.type ?? 'text/plain';
      ctx.body = answer.raw;
    } else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify('body' in answer ? answer.body : {});
    }
  };
}
