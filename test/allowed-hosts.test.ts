import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { mockEndpoint, quietFor, waitFor } from './helpers.js';
import { fetchLinkUrl, trustedUrl } from '../src/element/link/link-url.js';
import type { SocialLinkFailure } from '../src/element/net/failures.js';
import { importPublicSuffixListWith, loadWholeList } from '../src/element/link/public-suffix-loader.js';
import { PUBLIC_SUFFIX_IMPORT } from '../src/element/link/public-suffix-imports.js';
import { loneIife, removeFrames, scriptFrame, type ScriptFrame } from './script-frames.js';

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

// As the npm entries do: the list is the import() a bundler follows (a chunk of its own).
importPublicSuffixListWith(PUBLIC_SUFFIX_IMPORT);

describe('allowed-hosts', () => {
  // A wildcard the compact part lets through matches only once the whole list has loaded.
  before(() => loadWholeList());

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

/** Console lines of `kind` while `run` runs. */
async function consoleDuring(kind: 'warn' | 'error', run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const original = console[kind];
  console[kind] = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    await run();
  } finally {
    console[kind] = original;
  }
  return lines;
}

/** fetchLinkUrl's answer (the element's path) for a linking URL on `host`: 'trusted' or the failure's code. */
async function linkOn(host: string, allowed: string[]): Promise<string> {
  const jwt = mockEndpoint('jwt');
  await jwt.answer({ body: { url: `https://${host}/link?session=x` } });
  try {
    await fetchLinkUrl({ endpoint: jwt.url, allowedHosts: allowed, timeout: 10_000 });
    return 'trusted';
  } catch (error) {
    return (error as SocialLinkFailure).failure.code;
  }
}

// Issue 19, point 11: the whole Public Suffix List, loaded when a wildcard needs it.
describe('allowed-hosts wildcards judged by the whole Public Suffix List', () => {
  for (const suffix of ['me.uk', 'ne.jp', 's3.amazonaws.com', 'ngrok.io', 'azurestaticapps.net']) {
    it(`*.${suffix} matches nothing: a linking URL on x.${suffix} is untrusted-url, with a note`, async () => {
      let code = '';
      const warnings = await consoleDuring('warn', async () => {
        const errors = await consoleDuring('error', async () => (code = await linkOn(`x.${suffix}`, [`*.${suffix}`])));
        expect(errors.join('\n')).to.contain(`the linking URL is on x.${suffix}, which is not in allowed-hosts`);
      });
      expect(code).to.equal('untrusted-url');
      expect(warnings.filter((w) => w.includes(`"*.${suffix}" matches nothing`))).to.have.length(1);
    });
  }

  for (const [host, entry] of [['link.example.me.uk', '*.example.me.uk'], ['link.example.com', '*.example.com'], ['a.b.example.ne.jp', '*.example.ne.jp']]) {
    it(`${entry} still matches ${host}`, async () => {
      expect(await linkOn(host!, [entry!])).to.equal('trusted');
    });
  }
});

/** Hovers the element's button with the real mouse, so it fetches its linking URL ahead. */
async function hover(page: ScriptFrame, id: string) {
  await page.el(id).updateComplete;
  const button = page.el(id).shadowRoot!.querySelector('[part="button"]')!.getBoundingClientRect();
  const frame = page.frame.getBoundingClientRect();
  const [x, y] = [frame.left + button.left + button.width / 2, frame.top + button.top + button.height / 2];
  await sendMouse({ type: 'move', position: [Math.round(x), Math.round(y)] });
}

describe('the whole Public Suffix List in a script-tag page', () => {
  afterEach(async () => {
    await resetMouse();
    removeFrames();
  });

  async function page(allowed: string, src = '/dist/social-link-button.iife.js') {
    const jwt = mockEndpoint('jwt');
    await jwt.answer({ body: { url: 'https://link.example.me.uk/link?session=x' } });
    const frame = await scriptFrame(`<script>window.__notes = []; console.warn = console.error = (...a) => __notes.push(a.join(' '))</script>
      <script src="${src}"></script>
      <social-link-button id="el" jwt-endpoint="${jwt.url}" allowed-hosts="${allowed}"></social-link-button>`);
    return { frame, jwt, notes: (frame.win as unknown as { __notes: string[] }).__notes };
  }

  it('loads public-suffix-list.js from beside its script when a wildcard needs it, once', async () => {
    const { frame, jwt } = await page('*.example.me.uk');
    await hover(frame, 'el');
    await waitFor(async () => (await jwt.requests()).length === 1, 'the linking URL was never fetched ahead');
    await waitFor(() => frame.requests('/dist/public-suffix-list.js') === 1, 'the list was never loaded from /dist/');
    await quietFor(300);
    expect(frame.urls().filter((url) => url.includes('public-suffix-list'))).to.have.length(1);
  });

  it('an element whose allowed-hosts has no wildcard never requests the list', async () => {
    const { frame, jwt } = await page('profile.ayrshare.com link.example.me.uk');
    await hover(frame, 'el');
    await waitFor(async () => (await jwt.requests()).length === 1, 'the linking URL was never fetched ahead');
    await quietFor(500);
    expect(frame.urls().filter((url) => url.includes('public-suffix-list'))).to.deep.equal([]);
  });

  it('a list that fails to load (404) leaves wildcard entries matching nothing, with a note why', async () => {
    const { src } = await loneIife();
    const { frame, jwt, notes } = await page('*.example.me.uk', src);
    await hover(frame, 'el');
    await waitFor(async () => (await jwt.requests()).length === 1, 'the linking URL was never fetched ahead');
    await waitFor(() => notes.some((note) => note.includes('not in allowed-hosts')), 'the linking URL was trusted');
    expect(frame.requests(src.replace(/iife$/, 'public-suffix-list.js'))).to.equal(1);
    expect(notes.filter((note) => note.includes('public-suffix-list.js did not load'))).to.deep.equal([
      '<social-link-button>: public-suffix-list.js did not load, so allowed-hosts wildcards match nothing; list the hosts instead.',
    ]);
  });
});
