// The Public Suffix List's algorithm (https://publicsuffix.org/list/), over the whole list as
// scripts/public-suffixes.mjs encodes it. Pure: unit-tested in Node (test/node/public-suffixes.test.mjs).

/** Every rule of `tld:entry,entry;…` (each entry a rule less its `.tld`, '' the TLD itself), `!` and `*.` kept. */
export function parseRules(encoded: string): ReadonlySet<string> {
  const rules = new Set<string>();
  for (const group of encoded.split(';')) {
    const [tld, entries] = group.split(':') as [string, string];
    for (const entry of entries.split(',')) rules.add(entry ? `${entry}.${tld}` : tld);
  }
  return rules;
}

/**
 * Whether `domain` (lower-case ASCII, no trailing dot) is itself a public suffix: the list's
 * prevailing rule for it covers all its labels. An exception rule (`!city.kawasaki.jp`) prevails
 * over any other and leaves the domain registrable; otherwise a normal rule naming it, a `*.`
 * rule over its parent, or (the implicit `*` rule) a single label make it public. Empty labels
 * count as public.
 */
export function isListedSuffix(domain: string, rules: ReadonlySet<string>): boolean {
  const labels = domain.split('.');
  if (labels.includes('')) return true;
  for (let i = 0; i < labels.length; i++) if (rules.has(`!${labels.slice(i).join('.')}`)) return false;
  return !labels[1] || rules.has(domain) || rules.has(`*.${labels.slice(1).join('.')}`);
}
