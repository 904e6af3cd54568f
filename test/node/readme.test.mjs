// The README's API tables say what custom-elements.json (generated from the class's JSDoc)
// says: every attribute, event, part and custom property, and nothing it does not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'social-link-button');

/** The first-column names (in backticks) of the table under `heading`. */
function tableNames(heading, column = 0) {
  const start = readme.indexOf(heading);
  assert.ok(start >= 0, `README has no "${heading}"`);
  const rows = readme.slice(start).split('\n').slice(1);
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
  assert.deepEqual(tableNames('### Attributes and properties'), sorted(element.attributes.map((a) => a.name)));
});

test('the event table matches the manifest', () => {
  assert.deepEqual(tableNames('### Events'), sorted(element.events.map((e) => e.name)));
});

test('the part table matches the manifest', () => {
  assert.deepEqual(tableNames('| part |'), sorted(element.cssParts.map((p) => p.name)));
});

test('the custom property table matches the manifest', () => {
  assert.deepEqual(tableNames('| custom property |'), sorted(element.cssProperties.map((p) => p.name)));
});

test('every public property and method in the manifest is in the README', () => {
  const members = element.members.filter((m) => m.privacy !== 'private' && !m.static && !m.name.startsWith('_'));
  for (const member of members) assert.ok(readme.includes(`\`${member.name}`), `README does not name ${member.name}`);
});
