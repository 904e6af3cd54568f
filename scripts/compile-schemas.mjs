// The browser's schemas, compiled: the Zod schemas of src/protocol/schemas.ts that the element
// uses go through Zod's own `z.toJSONSchema` (io: 'input'), and this turns each JSON Schema
// into plain checking code: src/protocol/validators.ts, with the same `safeParse` as Zod's and no
// library at run time. Only the JSON Schema this project's schemas produce is understood; any
// other keyword stops the build rather than being ignored. Semantics kept from Zod 4's z.object:
// non-null, non-array objects only; unknown fields stripped; a field read with `in` and `[]`
// (inherited ones count, as in Zod); an optional field that is present stays, even when
// undefined. Arrays are copied element by element. `npm run build` (scripts/build.mjs) writes the
// file; test/node/validators.test.mjs holds it to Zod's verdicts and outputs.
//   node scripts/compile-schemas.mjs          writes src/protocol/validators.ts
//   node scripts/compile-schemas.mjs --check  exits 1 when the file is not what it would write
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

export const OUTPUT = 'src/protocol/validators.ts';
/** The schemas the browser checks its inputs with (the rest are the server's, checked by Zod). */
export const BROWSER_SCHEMAS = ['linkUrlAnswer', 'profileStatusAnswer', 'displayNameEntry', 'providerMessage', 'callbackMessage'];

/** src/protocol/schemas.ts and Zod, bundled by esbuild and run here. */
export async function loadSchemas() {
  const { outputFiles } = await esbuild({
    stdin: { contents: "export * from './src/protocol/schemas.ts'; export { toJSONSchema } from 'zod/mini';", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

const KNOWN = new Set(['type', 'const', 'enum', 'items', 'properties', 'required', '$schema']);
const isAny = (schema) => Object.keys(schema).every((key) => key === '$schema');

/**
 * Statements that check `input` against `schema` and hand its output to `put` (an expression →
 * statement); a failure returns undefined from the whole validator (no schema here recovers from
 * a nested failure). `names` hands out fresh local names.
 */
function emit(schema, input, put, names) {
  const unknown = Object.keys(schema).filter((key) => !KNOWN.has(key));
  if (unknown.length) throw new Error(`compile-schemas: unsupported JSON Schema keyword(s) ${unknown.join(', ')} in ${JSON.stringify(schema)}`);
  if (isAny(schema)) return [put(input)];
  const { type } = schema;
  if ('const' in schema || 'enum' in schema) {
    const values = 'const' in schema ? [schema.const] : schema.enum;
    if (!values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')) {
      throw new Error(`compile-schemas: only string, finite number and boolean literals: ${JSON.stringify(schema)}`);
    }
    if (values.some((v) => typeof v !== type)) throw new Error(`compile-schemas: a literal of another type than ${type}: ${JSON.stringify(schema)}`);
    // A Set's SameValueZero in Zod; these values make it ===.
    const test = values.length === 1 ? `${input} !== ${JSON.stringify(values[0])}` : `!${JSON.stringify(values)}.includes(${input})`;
    return [`if (${test}) return;`, put(input)];
  }
  if (type === 'string' || type === 'boolean') {
    if (Object.keys(schema).some((key) => key !== 'type' && key !== '$schema')) throw new Error(`compile-schemas: unsupported ${type} schema ${JSON.stringify(schema)}`);
    return [`if (typeof ${input} !== '${type}') return;`, put(input)];
  }
  if (type === 'array') {
    if (!schema.items || Array.isArray(schema.items)) throw new Error(`compile-schemas: arrays need one items schema: ${JSON.stringify(schema)}`);
    const out = names('a');
    const index = names('i');
    const item = names('x');
    return [
      `if (!Array.isArray(${input})) return;`,
      `const ${out}: unknown[] = [];`,
      `for (let ${index} = 0; ${index} < ${input}.length; ${index}++) {`,
      `  const ${item} = ${input}[${index}];`,
      ...emit(schema.items, item, (value) => `${out}[${index}] = ${value};`, names).map((line) => `  ${line}`),
      '}',
      put(out),
    ];
  }
  if (type === 'object') {
    const out = names('o');
    const required = new Set(schema.required ?? []);
    const lines = [`if (!isObject(${input})) return;`, `const ${out}: any = {};`];
    // Optional fields that take anything, in a row: copied when present, by one loop.
    let run = [];
    const flush = () => {
      if (run.length > 1) lines.push(`copyPresent(${input}, ${out}, ${JSON.stringify(run)});`);
      else if (run.length) lines.push(`if (${JSON.stringify(run[0])} in ${input}) ${out}[${JSON.stringify(run[0])}] = ${input}[${JSON.stringify(run[0])}];`);
      run = [];
    };
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      // Zod never reads or writes a `__proto__` field; none of ours is one.
      if (key === '__proto__') throw new Error('compile-schemas: a __proto__ field');
      const name = JSON.stringify(key);
      const field = `${input}[${name}]`;
      const set = (value) => `${out}[${name}] = ${value};`;
      if (isAny(property) && !required.has(key)) {
        run.push(key);
        continue;
      }
      flush();
      if (isAny(property)) {
        // Anything goes, undefined included; present (`in`) is all that counts.
        lines.push(`if (!(${name} in ${input})) return;`, set(field));
        continue;
      }
      const value = names('x');
      const check = emit(property, value, set, names);
      if (required.has(key)) lines.push(`const ${value} = ${field};`, ...check);
      else {
        // z.optional: a present undefined is kept as undefined; anything else must match.
        lines.push(`if (${name} in ${input}) {`, `  const ${value} = ${field};`, `  if (${value} === undefined) ${set(value)}`, '  else {');
        lines.push(...check.map((line) => `    ${line}`), '  }', '}');
      }
    }
    flush();
    return [...lines, put(out)];
  }
  throw new Error(`compile-schemas: unsupported schema ${JSON.stringify(schema)}`);
}

/** One validator's TypeScript, from its schema's JSON Schema; throws on what it cannot compile exactly. */
export function compileValidator(name, json) {
  // z.object (strip) has no additionalProperties on input; loose and strict objects do.
  if (json.type !== 'object' || 'additionalProperties' in json) throw new Error(`compile-schemas: ${name} is not a z.object`);
  let count = 0;
  const names = (prefix) => `${prefix}${count++}`;
  const body = emit(json, 'v', (value) => `return ${value};`, names);
  return [
    `/** Compiled from \`${name}\` in ./schemas.ts. */`,
    `export const ${name}: Validator<z.output<typeof schemas.${name}>> = validator((v: any) => {`,
    ...body.map((line) => `  ${line}`),
    '});',
    '',
  ];
}

/** A module of validators: `schemas` maps each name to its JSON Schema (z.toJSONSchema, io: 'input'). */
export function compileModule(schemas) {
  const parts = Object.entries(schemas).flatMap(([name, json]) => compileValidator(name, json));
  return [
    '// GENERATED by scripts/compile-schemas.mjs from the Zod schemas in ./schemas.ts (through',
    "// z.toJSONSchema): do not edit. `npm run build` rewrites it; test/node/validators.test.mjs",
    "// holds it to Zod's verdicts and outputs. The browser checks its inputs with these: no Zod there.",
    "import type * as z from 'zod/mini';",
    "import type * as schemas from './schemas.js';",
    '',
    "/** What `safeParse` answers, as Zod's does: the value with unknown fields stripped, or a failure. */",
    'export type SafeParse<T> = { success: true; data: T } | { success: false };',
    'export interface Validator<T> {',
    '  safeParse(value: unknown): SafeParse<T>;',
    '}',
    '',
    "const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);",
    'const copyPresent = (from: any, to: any, keys: string[]): void => {',
    '  for (const key of keys) if (key in from) to[key] = from[key];',
    '};',
    '// Every schema here is an object, so a validator answers undefined only on a failure.',
    'const validator = <T>(parse: (v: unknown) => T | undefined): Validator<T> => ({',
    '  safeParse(value) {',
    '    const data = parse(value);',
    '    return data === undefined ? { success: false } : { success: true, data };',
    '  },',
    '});',
    '',
    ...parts,
  ].join('\n');
}

/** The text of src/protocol/validators.ts, from the schemas as they are now. */
export async function compileSchemas() {
  const module = await loadSchemas();
  const json = (name) => module.toJSONSchema(module[name], { io: 'input', unrepresentable: 'throw' });
  return compileModule(Object.fromEntries(BROWSER_SCHEMAS.map((name) => [name, json(name)])));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await compileSchemas();
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUTPUT, 'utf8') === text;
    console.log(same ? `${OUTPUT} is up to date` : `${OUTPUT} is stale: run node scripts/compile-schemas.mjs`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUTPUT, text);
}
