// The browser's compiled validators (src/protocol/validators.ts, from scripts/compile-schemas.mjs)
// against the Zod schemas they come from: the same verdict and the same output on every input of
// a corpus — hand-written edges and 2,000 seeded random cases per schema — and no Zod in what
// the browser loads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build as esbuild, transform } from 'esbuild';
import * as z from 'zod/mini';
import { BROWSER_SCHEMAS, compileModule, compileSchemas, compileValidator, loadSchemas, OUTPUT } from '../../scripts/compile-schemas.mjs';
import { seededRandom } from '../seeded-random.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
process.chdir(root);
const zod = await loadSchemas();
const { outputFiles } = await esbuild({ entryPoints: [OUTPUT], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
const compiledSource = outputFiles[0].text;
const compiled = await import(`data:text/javascript;base64,${Buffer.from(compiledSource).toString('base64')}`);


const EVENTS = ['connect:ready', 'connect:success', 'connect:error', 'connect:cancelled', 'connect:closed'];
const STRINGS = ['', ' ', 'x', 'ayrshare', 'Ayrshare', 'social-link-button:done', 'linkedin', 'https://profile.ayrshare.com/?jwt=a', ...EVENTS, 'connect:Success', '👍🏽', '\u0000', '\ud800', '日本語', '__proto__', 'constructor', '1'];
const NUMBERS = [0, -0, 1, -1, 1.5, 2, NaN, Infinity, -Infinity, 1e308, Number.MAX_SAFE_INTEGER];
const KEYS = ['url', 'expiresAt', 'activeSocialAccounts', 'displayNames', 'platform', 'username', 'displayName', 'pageName', 'profileUrl', 'userImage', 'refreshDaysRemaining', 'refreshRequired', 'needsReconnect', 'source', 'version', 'event', 'network', 'code', 'message', 'type', 'status', 'extra', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** Any value: primitives, arrays (some sparse), plain, null-prototype and inheriting objects. */
function anyValue(rng, depth = 0) {
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const roll = rng();
  if (roll < 0.25) return pick(STRINGS);
  if (roll < 0.4) return pick(NUMBERS);
  if (roll < 0.5) return pick([true, false, null, undefined]);
  if (depth > 3 || roll < 0.55) return pick([new Date(0), new Map(), () => 1, Symbol('s'), 10n, new String('x'), 'a'.repeat(1 + Math.floor(rng() * 5000))]);
  if (roll < 0.75) {
    const array = Array.from({ length: Math.floor(rng() * 5) }, () => anyValue(rng, depth + 1));
    if (rng() < 0.15) array[array.length + 2] = pick(STRINGS); // holes
    return array;
  }
  const object = rng() < 0.1 ? Object.create(null) : rng() < 0.1 ? Object.create({ [pick(KEYS)]: anyValue(rng, depth + 1) }) : {};
  for (let i = Math.floor(rng() * 5); i > 0; i--) Object.defineProperty(object, pick(KEYS), { value: anyValue(rng, depth + 1), enumerable: true, writable: true, configurable: true });
  return object;
}

/** A value shaped by a JSON Schema, mostly valid, sometimes off in one place. */
function shaped(rng, schema, depth = 0) {
  if (rng() < 0.08) return anyValue(rng, depth);
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[Math.floor(rng() * schema.enum.length)];
  if (schema.type === 'string') return STRINGS[Math.floor(rng() * STRINGS.length)];
  if (schema.type === 'boolean') return rng() < 0.5;
  if (schema.type === 'array') return Array.from({ length: Math.floor(rng() * 4) }, () => shaped(rng, schema.items, depth + 1));
  if (schema.type === 'object') {
    const object = {};
    const required = new Set(schema.required ?? []);
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const roll = rng();
      if (!required.has(key) && roll < 0.3) continue;
      if (roll > 0.97) continue; // a required field missing, now and then
      object[key] = roll > 0.93 ? undefined : shaped(rng, property, depth + 1);
    }
    if (rng() < 0.3) object[KEYS[Math.floor(rng() * KEYS.length)]] = anyValue(rng, depth + 1);
    return object;
  }
  return anyValue(rng, depth); // `{}`: anything
}

const deep = (levels, inner) => JSON.parse(`${'['.repeat(levels)}${inner}${']'.repeat(levels)}`);
/** Edges written out: wrong types, huge strings, pollution keys, NaN/Infinity through JSON, depth, unicode. */
const EDGES = [
  undefined, null, 0, '', 'x', true, [], {}, Object.create(null), new Date(0), () => {},
  JSON.parse('{"url":"https://profile.ayrshare.com/x","expiresAt":1e999}'),
  JSON.parse('{"__proto__":{"url":"https://evil.example"},"constructor":{"prototype":{"polluted":1}}}'),
  JSON.parse('{"__proto__":{"platform":"linkedin"},"platform":"x"}'),
  JSON.parse('{"source":"ayrshare","version":1.0,"event":"connect:success","network":-1e999}'),
  JSON.parse('{"source":"ayrshare","version":"1","event":"connect:success"}'),
  JSON.parse('{"type":"social-link-button:done","__proto__":null}'),
  { url: 'a'.repeat(1_000_000) },
  { url: new String('https://x') },
  { url: 'https://x', expiresAt: undefined },
  { activeSocialAccounts: ['linkedin', 'linkedin', '👍🏽'], displayNames: [null, 1, { platform: 'linkedin' }, { platform: 2 }, deep(5000, '{}')] },
  { activeSocialAccounts: deep(3, '"x"') },
  { activeSocialAccounts: [, 'x'] }, // a hole
  { displayNames: [, { platform: 'x' }] },
  { activeSocialAccounts: undefined, displayNames: undefined },
  { activeSocialAccounts: null },
  { platform: 'linkedin', refreshDaysRemaining: NaN, refreshRequired: Infinity, needsReconnect: 'true', userImage: { toString: 1 } },
  { platform: '\ud800', username: 'a'.repeat(100_000), constructor: 'x', toString: 1 },
  Object.assign(Object.create({ platform: 'inherited' }), { username: 'u' }),
  Object.assign(Object.create(null), { source: 'ayrshare', version: 1, event: 'connect:closed', extra: 1 }),
  { source: 'ayrshare', version: 1, event: 'connect:closed', network: undefined, code: 0, message: deep(10, '1') },
  { source: 'ayrshare', version: -0, event: 'connect:closed' },
  { source: 'ayrshare', version: 1, event: 'toString' },
  { type: 'social-link-button:done ', extra: 1 },
  ['social-link-button:done'],
  deep(10_000, '1'),
];

const verdict = (result) => (result.success ? { success: true, data: result.data } : { success: false });

describe('the compiled validators mean what the Zod schemas mean', () => {
  test('src/protocol/validators.ts is what scripts/compile-schemas.mjs makes of the schemas today', async () => {
    assert.equal(readFileSync(OUTPUT, 'utf8'), await compileSchemas(), 'stale: run node scripts/compile-schemas.mjs (npm run build does)');
  });

  for (const name of BROWSER_SCHEMAS) {
    test(`${name}: the same verdict and output as Zod on ${EDGES.length} edges and 2,000 seeded random inputs`, () => {
      const json = zod.toJSONSchema(zod[name], { io: 'input' });
      const rng = seededRandom([...name].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7));
      const corpus = [...EDGES, ...Array.from({ length: 2000 }, (_, i) => (i % 4 === 0 ? anyValue(rng) : shaped(rng, json)))];
      let accepted = 0;
      for (const [index, input] of corpus.entries()) {
        const expected = verdict(zod[name].safeParse(input));
        const actual = verdict(compiled[name].safeParse(input));
        assert.deepStrictEqual(actual, expected, `${name}, input #${index}`);
        if (expected.success) accepted++;
      }
      // The corpus exercises both sides of each schema.
      assert.ok(accepted > 200 && accepted < corpus.length - 200, `${name}: ${accepted} of ${corpus.length} accepted`);
    });
  }

  test('the compiler, on shapes the schemas may take next (required unknown, booleans, nested objects and arrays): the same verdicts and outputs as Zod on 2,000 inputs each', async () => {
    const extra = {
      mixed: z.object({
        a: z.unknown(),
        b: z.optional(z.string()),
        c: z.boolean(),
        d: z.optional(z.array(z.object({ platform: z.string(), url: z.optional(z.unknown()) }))),
        event: z.enum(['connect:ready', 'connect:closed']),
        f: z.optional(z.literal(true)),
      }),
      nested: z.object({ type: z.object({ source: z.array(z.array(z.string())) }), version: z.optional(z.literal(1)) }),
    };
    const jsons = Object.fromEntries(Object.entries(extra).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input' })]));
    const { code } = await transform(compileModule(jsons), { loader: 'ts', format: 'esm' });
    const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    for (const [name, schema] of Object.entries(extra)) {
      const rng = seededRandom(name.length * 7919);
      let accepted = 0;
      for (let i = 0; i < 2000; i++) {
        const input = i % 4 === 0 ? anyValue(rng) : shaped(rng, jsons[name]);
        const expected = verdict(schema.safeParse(input));
        assert.deepStrictEqual(verdict(module[name].safeParse(input)), expected, `${name}, input #${i}`);
        if (expected.success) accepted++;
      }
      assert.ok(accepted > 100 && accepted < 1900, `${name}: ${accepted} of 2000 accepted`);
    }
  });

  test('unknown fields are stripped, present-but-undefined optional fields kept, arrays copied', () => {
    const answer = { activeSocialAccounts: ['x'], displayNames: undefined, extra: 1 };
    const { data } = compiled.profileStatusAnswer.safeParse(answer);
    assert.deepStrictEqual(data, { activeSocialAccounts: ['x'], displayNames: undefined });
    assert.notEqual(data.activeSocialAccounts, answer.activeSocialAccounts);
    const polluted = compiled.linkUrlAnswer.safeParse(JSON.parse('{"url":"u","__proto__":{"polluted":1}}'));
    assert.deepStrictEqual(polluted, { success: true, data: { url: 'u' } });
    assert.equal({}.polluted, undefined);
  });

  test('the compiler refuses a schema it cannot compile exactly, rather than checking less', () => {
    const refused = [
      zod.toJSONSchema(zod.unlinkBody, { io: 'output' }), // a strict object
      { type: 'object', properties: { n: { type: 'number' } } }, // Zod's number refuses NaN, Infinity
      { type: 'object', properties: { s: { type: 'string', minLength: 1 } } },
      { type: 'object', properties: { a: { type: 'array', items: { type: 'string' }, maxItems: 3 } } },
      JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'),
      { type: 'object', properties: { c: { const: null } } },
      { type: 'array', items: {} },
    ];
    for (const json of refused) assert.throws(() => compileValidator('x', json), /compile-schemas/, JSON.stringify(json));
  });
});

describe('no Zod in what the browser loads', () => {
  const ZOD_MARKS = ['invalid_type', '_zod', 'zod'];
  /** A built ESM file and every relative file it imports. */
  const graph = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
      if (spec.startsWith('./') && spec.endsWith('.js') && !spec.includes('locales/') && !spec.includes('public-suffix')) graph(join(dirname(file), spec), seen);
    }
    return seen;
  };

  test('the script tags, the npm browser entries and their chunks hold and import no Zod', () => {
    const files = new Set(['dist/social-link-button.iife.js', 'dist/social-link-callback.iife.js']);
    for (const entry of ['index', 'element', 'callback', 'react']) for (const file of graph(`dist/${entry}.js`)) files.add(file);
    assert.ok(files.size > 5, [...files].join(' '));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const mark of ZOD_MARKS) assert.ok(!text.includes(mark), `${file} holds "${mark}"`);
    }
  });

  test('the compiled validators carry no library: no import at all', () => {
    assert.doesNotMatch(compiledSource, /\bimport\b|\brequire\(/);
  });

  test('zod stays a dependency, for the server entries, which still parse with it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.ok(pkg.dependencies.zod);
    assert.ok(!pkg.peerDependencies?.zod);
    assert.match(readFileSync('dist/server.js', 'utf8'), /from ["']zod(\/mini)?["']|_zod/);
  });
});
