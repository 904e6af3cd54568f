import { expect } from '@open-wc/testing';
import './helpers.js';
import { trustedUrl } from '../src/element/link/link-url.js';

// SPEC 6 and the allowed-hosts row of SPEC 2, case by case. (The element's use of the rule —
// nothing opened, untrusted-url reported — is in flow.test.ts.)
const cases: [url: string, allowed: string[], trusted: boolean][] = [
  ['https://profile.ayrshare.com/?session=x', ['profile.ayrshare.com'], true],
  ['https://profile.ayrshare.com:8443/', ['profile.ayrshare.com'], true],
  ['https://PROFILE.ayrshare.com/', ['profile.ayrshare.com'], true],
  ['https://evil.com/?profile.ayrshare.com', ['profile.ayrshare.com'], false],
  ['https://profile.ayrshare.com.evil.com/', ['profile.ayrshare.com'], false],
  ['https://user:pass@profile.ayrshare.com/', ['profile.ayrshare.com'], false],
  ['http://profile.ayrshare.com/', ['profile.ayrshare.com'], false],
  ['javascript:alert(1)', ['profile.ayrshare.com'], false],
  ['data:text/html,x', ['profile.ayrshare.com'], false],
  ['//profile.ayrshare.com/', ['profile.ayrshare.com'], false],
  ['/relative', ['profile.ayrshare.com'], false],
  // Wildcards: subdomains only, at any depth, never the apex.
  ['https://link.example.com/', ['*.example.com'], true],
  ['https://a.b.example.com/', ['*.example.com'], true],
  ['https://example.com/', ['*.example.com'], false],
  ['https://badexample.com/', ['*.example.com'], false],
  // Under a multi-label public suffix, and with a trailing dot (the same domain).
  ['https://link.example.co.uk/', ['*.example.co.uk'], true],
  ['https://link.example.github.io/', ['*.example.github.io'], true],
  ['https://link.example.com/', ['*.example.com.'], true],
  ['https://link.me.com/', ['*.me.com'], true],
  // With a port, hostname and port must match (default ports count).
  ['https://link.example.com:8443/', ['link.example.com:8443'], true],
  ['https://link.example.com/', ['link.example.com:8443'], false],
  ['https://link.example.com/', ['link.example.com:443'], true],
  // http only for loopback hosts, and only when listed.
  ['http://localhost:4000/', ['localhost:4000'], true],
  ['http://127.0.0.1:4000/', ['127.0.0.1'], true],
  ['http://[::1]:4000/', ['[::1]:4000'], true],
  ['http://localhost:4000/', ['profile.ayrshare.com'], false],
  ['http://10.0.0.1/', ['10.0.0.1'], false],
];

describe('allowed-hosts', () => {
  for (const [url, allowed, trusted] of cases) {
    it(`${url} with ${allowed.join(' ')} is ${trusted ? 'trusted' : 'untrusted'}`, () => {
      expect(Boolean(trustedUrl(url, allowed))).to.equal(trusted);
    });
  }

  it('"*" and "*." alone match nothing, with a console warning for the developer', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(Boolean(trustedUrl('https://evil.example/', ['*']))).to.equal(false);
      expect(Boolean(trustedUrl('https://evil.example./', ['*.']))).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(warnings.join('\n')).to.contain('matches nothing');
  });

  // Issue 19: a wildcard over a public suffix would trust everyone's sites under it.
  it('a wildcard whose remainder is a public suffix matches nothing, with one console note per entry', () => {
    const suffixes = ['com', 'co.uk', 'github.io', 'com.', 'xyz', 'com.au', 'ck', 'vercel.app', 'gov.in'];
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      for (let i = 0; i < 2; i++) {
        for (const suffix of suffixes) {
          const host = `link.example.${suffix.replace(/\.$/, '')}`;
          expect(Boolean(trustedUrl(`https://${host}/`, [`*.${suffix}`])), `*.${suffix}`).to.equal(false);
        }
      }
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(suffixes.length);
    for (const suffix of suffixes) {
      expect(warnings.filter((w) => w.includes(`"*.${suffix}"`)), suffix).to.have.length(1);
    }
    expect(warnings[0]).to.contain('matches nothing');
  });
});
