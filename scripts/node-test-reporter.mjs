// node:test reporter that writes pass/fail counts of the leaf tests for scripts/test.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';

export default async function* countingReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') passed++;
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') failed++;
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/node.json', JSON.stringify({ passed, failed }));
  yield '';
}
