// The reference tables in the guides say what custom-elements.json (generated from the class's
// JSDoc) says: every attribute, event, part and custom property, and nothing it does not
// (docs/api.md, docs/theming.md); the message table lists every English message. The README
// keeps its short path: five minutes to a working page, the two commands, a link to each guide.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const api = read('docs/api.md');
const theming = read('docs/theming.md');
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'social-link-button');

/** The first-column names (in backticks) of the table under `heading` in `page`. */
function tableNames(page, heading, column = 0) {
  const start = page.indexOf(heading);
  assert.ok(start >= 0, `no "${heading}"`);
  const rows = page.slice(start).split('\n').slice(1);
  const names = [];
  let inTable = false;
  for (const row of rows) {
    if (row.startsWith('|')) {
      inTable = true;
      const cell = row.split('|')[column + 1]?.trim() ?? '';
      const name = /^`([^`]+)`$/.exec(cell)?.[1];
      if (name) names.push(name);
    } else if (inTable) break;
  }
  return names.sort();
}

const sorted = (list) => [...list].sort();

test('the attribute table matches the manifest', () => {
  assert.deepEqual(tableNames(api, '## Attributes and properties'), sorted(element.attributes.map((a) => a.name)));
});

test('the event table matches the manifest', () => {
  assert.deepEqual(tableNames(api, '## Events'), sorted(element.events.map((e) => e.name)));
});

test('the part table matches the manifest', () => {
  assert.deepEqual(tableNames(theming, '| part |'), sorted(element.cssParts.map((p) => p.name)));
});

test('the custom property table matches the manifest', () => {
  assert.deepEqual(tableNames(theming, '| custom property |'), sorted(element.cssProperties.map((p) => p.name)));
});

test('every public property and method in the manifest is in the element reference', () => {
  const members = element.members.filter((m) => m.privacy !== 'private' && !m.static && !m.name.startsWith('_'));
  for (const member of members) assert.ok(api.includes(`\`${member.name}`), `docs/api.md does not name ${member.name}`);
});

test('the message table lists every English message id, and nothing else', () => {
  const source = read('src/i18n/messages.ts');
  const english = source.slice(source.indexOf('export const en = {'), source.indexOf('\n};', source.indexOf('export const en = {')));
  const ids = [...english.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
  assert.ok(ids.length > 40, `read ${ids.length} ids from src/i18n/messages.ts`);
  const table = api.slice(api.indexOf('| id | English |'));
  const rows = table.split('\n').slice(2);
  const listed = rows.slice(0, rows.findIndex((row) => !row.startsWith('|'))).flatMap((row) => [...row.split('|')[1].matchAll(/`(\w+)`/g)].map((m) => m[1]));
  assert.deepEqual([...new Set(listed)].sort(), [...ids].sort());
});

test('the README is a short path: five minutes first, then the two commands, then the guides', () => {
  const lines = readme.split('\n');
  assert.ok(lines.length <= 220, `the README is ${lines.length} lines`);
  const heading = (text) => lines.findIndex((line) => line.startsWith('## ') && line.includes(text));
  const five = heading('Five minutes');
  const commands = heading('The two commands');
  const guides = heading('Guides');
  assert.ok(five > 0 && five < 30, `"Five minutes" at line ${five + 1}`);
  assert.ok(commands > five && commands < 150, `"The two commands" at line ${commands + 1}`);
  assert.ok(guides > commands, '"Guides" after the two commands');
  assert.match(readme, /npm run demo/);
  assert.match(readme, /npm test/);
});

test('the quick starts copy the parts and locales folders beside the script-tag file', () => {
  for (const [name, page] of [['README.md', readme], ['docs/getting-started.md', read('docs/getting-started.md')]]) {
    assert.ok(page.includes('cp node_modules/social-link-button/dist/social-link-button.iife.js public/vendor/'), name);
    assert.ok(page.includes('cp -r node_modules/social-link-button/dist/parts node_modules/social-link-button/dist/locales public/vendor/'), name);
  }
});

test('the README links every guide', () => {
  const guides = readdirSync(new URL('../../docs/', import.meta.url)).filter((file) => file.endsWith('.md'));
  for (const guide of [...new Set([...guides, 'languages.md'])]) assert.ok(readme.includes(`](docs/${guide})`), `README does not link docs/${guide}`);
});

test('the Content-Security-Policy in docs/security.md is the one test/csp.test.ts runs the element under', () => {
  const config = read('web-test-runner.config.mjs');
  const tested = config.slice(config.indexOf('const STRICT_CSP = ['), config.indexOf("].join('; ')"));
  const directives = [...tested.matchAll(/^\s*(["'])(.+)\1,$/gm)].map((m) => m[2]);
  assert.ok(directives.length >= 5, `read ${directives.length} directives from STRICT_CSP`);
  const security = read('docs/security.md');
  const block = /^```text\nContent-Security-Policy:\n([\s\S]*?)^```$/m.exec(security)?.[1];
  assert.ok(block, 'docs/security.md shows the policy');
  assert.deepEqual(block.split('\n').map((line) => line.trim().replace(/;$/, '')).filter(Boolean), directives);
  for (const directive of ['connect-src', 'script-src', 'img-src', 'style-src', 'trusted-types']) {
    assert.match(security, new RegExp(`\\| \`${directive}\` \\|`), `the directive table explains ${directive}`);
  }
});
