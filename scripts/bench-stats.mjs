// Latency spreads for the bench's server figures (bench-profiles.mjs, bench-live.mjs). A file of
// its own, importing nothing, so that their child processes do not load the build tools that
// bench-server.mjs brings in.

/** The `p`th percentile of a list of numbers. */
export const percentile = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((list.length * p) / 100))];

/** A list of milliseconds as `p50 / p95`, to the hundredth. */
export const p50p95 = (list) => `${percentile(list, 50).toFixed(2)} ms / ${percentile(list, 95).toFixed(2)} ms`;
