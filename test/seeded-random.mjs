// mulberry32: a small seeded PRNG, the same sequence for the same seed in Node and in every
// engine, for the fuzz suites (test/fuzz-element.test.ts, test/node/fuzz-handlers.test.mjs,
// test/node/validators.test.mjs), which print their seed so a run can be replayed.

/** A function returning numbers in [0, 1), seeded. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
