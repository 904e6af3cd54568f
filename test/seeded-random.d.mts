/** A function returning numbers in [0, 1), seeded. */
export function seededRandom(seed: number): () => number;
