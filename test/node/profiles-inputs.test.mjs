// Malformed, huge and hostile input to the profile directory, and a failing store: clear error
// codes and sentences, nothing created at Ayrshare, no secret or key in any message.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProfileDirectory, MAX_USER_ID_LENGTH, PROFILE_SECRET_ENV } from '../../dist/server.js';
import { createPgliteProfileStore } from '../../dist/server-pglite.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { SIMULATOR_API_KEY, createAyrshareSimulator } from '../../dist/simulator.js';
import { database, SECRET, setup, simulatorFetch } from './profiles-setup.mjs';

// Creating a directory touches no store, so the option checks share one.
const sharedStore = createPgliteProfileStore({ db: database() });
const make = (options) => () => createProfileDirectory({ apiKey: SIMULATOR_API_KEY, store: sharedStore, secret: SECRET, ...options });
const HOW = /node -e "console\.log\(crypto\.randomBytes\(32\)\.toString\('base64'\)\)"/;

describe('profile directory input', () => {
  test('refuses a missing, malformed, short or weak secret, saying how to make one', () => {
    const cases = [
      [undefined, 'profile-secret-missing'],
      ['', 'profile-secret-missing'],
      ['   ', 'profile-secret-missing'],
      [42, 'profile-secret-missing'],
      ['hunter2', 'profile-secret-invalid'],
      [Buffer.alloc(16, 7).toString('base64'), 'profile-secret-invalid'],
      [Buffer.alloc(33, 9).toString('hex'), 'profile-secret-invalid'],
      ['x'.repeat(10_000), 'profile-secret-invalid'],
      [Buffer.alloc(32, 0).toString('base64'), 'profile-secret-weak'],
      ['ab'.repeat(32), 'profile-secret-weak'],
      [Buffer.from('0123456789'.repeat(4).slice(0, 32)).toString('hex'), 'profile-secret-weak'],
    ];
    for (const [secret, code] of cases) {
      assert.throws(make({ secret }), (error) => {
        assert.equal(error.code, code, String(secret).slice(0, 20));
        assert.match(error.message, HOW);
        assert.ok(error.message.includes(PROFILE_SECRET_ENV));
        if (typeof secret === 'string' && secret.trim()) assert.equal(error.message.includes(secret), false);
        return true;
      });
    }
    assert.throws(make({ secret: undefined, secrets: [SECRET, 'short'] }), (e) => e.code === 'profile-secret-invalid' && /#2/.test(e.message));
    assert.throws(make({ secret: undefined, secrets: SECRET }), { code: 'invalid-option' });
    assert.throws(make({ secret: undefined, secrets: [] }), { code: 'profile-secret-missing' });
    // Hex and URL-safe base64 are both fine.
    make({ secret: Buffer.from(SECRET, 'base64').toString('hex') })();
    make({ secret: Buffer.from(SECRET, 'base64').toString('base64url') })();
  });

  test('refuses bad options: API key, store, title prefix, numbers', () => {
    assert.throws(make({ apiKey: '' }), { code: 'invalid-option' });
    assert.throws(make({ apiKey: undefined }), { code: 'invalid-option' });
    assert.throws(make({ store: undefined }), { code: 'invalid-option' });
    assert.throws(make({ store: {} }), { code: 'invalid-option' });
    for (const title of ['', 'Acme', 'a b', 'x'.repeat(33), '-x', 'ü', 5, 'a\n']) {
      assert.throws(make({ title }), { code: 'invalid-option' }, String(title));
    }
    for (const [name, value] of [['timeout', 0], ['timeout', -1], ['leaseMs', 1.5], ['waitMs', '10'], ['leaseMs', Infinity], ['timeout', NaN]]) {
      assert.throws(make({ [name]: value }), { code: 'invalid-option' }, `${name}=${value}`);
    }
    for (const baseUrl of ['', 'not a url', 'ftp://x', 'https://user:pw@api.example', 42]) {
      assert.throws(make({ baseUrl }), { code: 'invalid-option' }, String(baseUrl));
    }
    assert.throws(make({ fetch: 'fetch' }), { code: 'invalid-option' });
    assert.throws(() => createPostgresProfileStore({}), { code: 'invalid-option' });
  });

  test('user ids: empty, too long, 10 KB, control characters, lone surrogates, non-strings → invalid-user-id; nothing created', async () => {
    const { sim, directory } = await setup();
    const bad = [
      '', 'x'.repeat(MAX_USER_ID_LENGTH + 1), 'a'.repeat(10 * 1024), 'a\u0000b', 'line\nbreak', 'tab\there', 'del\u007f', 'c1\u0085',
      'sep\u2028', '\ud800alone', 'alone\udc00', undefined, null, 42, {}, ['a'], { toString: () => 'x' },
    ];
    for (const id of bad) {
      for (const method of ['ensure', 'find', 'delete', 'touch']) {
        // Called directly: a synchronous throw would escape assert.rejects and fail the test.
        await assert.rejects(directory[method](id), (error) => {
          assert.equal(error.code, 'invalid-user-id', `${method}(${JSON.stringify(id)?.slice(0, 20)})`);
          assert.ok(error.message.length < 200, 'the id is not quoted back');
          return true;
        });
      }
    }
    assert.equal(sim.calls['POST /api/profiles'], undefined);
    // The longest allowed id, and ids that look like SQL, paths or markup, are just ids.
    for (const id of ['x'.repeat(MAX_USER_ID_LENGTH), "o'brien'; DROP TABLE social_link_profiles; --", '../../etc/passwd', '<script>', '😀 émile', '\ud83d\ude00']) {
      const made = await directory.ensure(id);
      assert.equal((await directory.find(id)).profileKey, made.profileKey);
    }
    assert.equal(sim.calls['POST /api/profiles'], 6);
  });

  test('unusedSince and reencrypt refuse bad arguments; findByRefId ignores them', async () => {
    const { directory } = await setup();
    for (const date of [undefined, 'yesterday', 0, new Date('nope')]) {
      await assert.rejects(directory.unusedSince(date), { code: 'invalid-option' });
    }
    await assert.rejects(directory.unusedSince(new Date(), { limit: 0 }), { code: 'invalid-option' });
    await assert.rejects(directory.unusedSince(new Date(), { limit: 1e9 }), { code: 'invalid-option' });
    await assert.rejects(directory.reencrypt({ batch: -1 }), { code: 'invalid-option' });
    for (const refId of [undefined, 5, '', 'x'.repeat(201), "1' OR '1'='1", 'a\nb']) assert.equal(await directory.findByRefId(refId), undefined);
  });

  test('a failing store: profiles-unavailable with Retry-After, no profile created, no key or secret in the error', async () => {
    const sim = createAyrshareSimulator();
    const real = createPgliteProfileStore({ db: database() });
    let failing = 'acquire';
    const store = new Proxy(real, {
      get(target, name) {
        const method = target[name];
        if (typeof method !== 'function') return method;
        return (...args) => {
          if (name === failing || failing === 'all') {
            return Promise.reject(Object.assign(new Error(`connection refused; detail: Key (key_cipher)=(${SECRET})`), { code: 'ECONNREFUSED', detail: SECRET }));
          }
          return method.apply(target, args);
        };
      },
    });
    const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: 'http://sim.test/api', store, secret: SECRET, fetch: simulatorFetch(sim) });
    for (const mode of ['all', 'acquire', 'get']) {
      failing = mode;
      await assert.rejects(directory.ensure('kim'), (error) => {
        assert.equal(error.code, 'profiles-unavailable');
        assert.equal(error.retryAfter, 5);
        assert.equal(error.cause.code, 'ECONNREFUSED');
        assert.equal(error.cause.detail, undefined, 'driver details (which may hold values) are dropped');
        return true;
      });
    }
    assert.equal(sim.calls['POST /api/profiles'], undefined, 'nothing created while the store fails');
    // The key is stored or not handed out: a failed completion leaves nothing the user could link to.
    failing = 'complete';
    await assert.rejects(directory.ensure('kim'), { code: 'profiles-unavailable' });
    failing = 'none';
    const made = await directory.ensure('kim');
    assert.equal(made.created, true);
    const answer = await sim.fetch(new Request('http://sim.test/api/profiles', { headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}` } }));
    assert.equal((await answer.json()).profiles.filter((p) => p.title.startsWith('slb-')).length, 1, 'the unstored one was replaced');
    failing = 'touch';
    await assert.rejects(directory.touch('kim'), { code: 'profiles-unavailable' });
  });

  test("a failed attempt whose lease could not be ended does not block this process's next ensure", async () => {
    const sim = createAyrshareSimulator();
    const real = createPgliteProfileStore({ db: database() });
    let releaseFails = true;
    const store = { ...real, release: (...args) => (releaseFails ? Promise.reject(new Error('connection reset')) : real.release(...args)) };
    const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: 'http://sim.test/api', store, secret: SECRET, fetch: simulatorFetch(sim), waitMs: 1000 });
    sim.configure({ failing: true });
    await assert.rejects(directory.ensure('nia'), { code: 'profile-create-failed' });
    sim.configure({ failing: false });
    releaseFails = false;
    // The lease (60 s) is still live in the store, but it is this process's own.
    assert.equal((await directory.ensure('nia')).created, true);
  });

  test('a store that never migrates: every call is profiles-unavailable, and the next call tries again', async () => {
    const real = createPgliteProfileStore({ db: database() });
    let broken = true;
    const store = { ...real, migrate: () => (broken ? Promise.reject(new Error('disk full')) : real.migrate()) };
    const sim = createAyrshareSimulator();
    const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: 'http://sim.test/api', store, secret: SECRET, fetch: simulatorFetch(sim) });
    await assert.rejects(directory.ensure('lee'), { code: 'profiles-unavailable' });
    await assert.rejects(directory.find('lee'), { code: 'profiles-unavailable' });
    broken = false;
    assert.equal((await directory.ensure('lee')).created, true);
  });

  test('Ayrshare answering garbage, a wrong API key, or nothing: profile-create-failed, key-free messages', async () => {
    const answers = [
      () => new Response('<html>gateway</html>', { status: 502 }),
      () => new Response('{"status":"success"}', { status: 200 }),
      () => new Response('x'.repeat(2 * 1024 * 1024), { status: 200 }),
      () => Promise.reject(new TypeError('fetch failed')),
    ];
    for (const answer of answers) {
      const { directory } = await setup({ directory: { fetch: answer } });
      await assert.rejects(directory.ensure('max'), (error) => error.code === 'profile-create-failed' && error.retryAfter > 0);
    }
    const { directory } = await setup({ directory: { apiKey: 'wrong-key' } });
    await assert.rejects(directory.ensure('max'), (error) => {
      assert.equal(error.code, 'profile-create-failed');
      assert.match(error.message, /HTTP 401, code 102/);
      assert.equal(error.message.includes('wrong-key'), false);
      return true;
    });
  });
});
