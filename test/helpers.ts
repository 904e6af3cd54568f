import { executeServerCommand } from '@web/test-runner-commands';

export interface MockAnswer {
  status?: number;
  /** JSON body (default `{}`). */
  body?: unknown;
  /** A raw body instead of JSON. */
  raw?: string;
  type?: string;
  /** Milliseconds before the server answers. */
  delay?: number;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

let counter = 0;

/** A fresh scriptable endpoint on the test server (see test/mock-server.mjs). */
export function mockEndpoint(name = 'profile') {
  const id = `t${Date.now().toString(36)}${(counter++).toString(36)}`;
  const control = `/mock-control/${id}/${name}`;
  const post = (payload: unknown) =>
    fetch(control, { method: 'POST', body: JSON.stringify(payload) }).then(() => undefined);
  return {
    url: `/mock/${id}/${name}`,
    absoluteUrl: new URL(`/mock/${id}/${name}`, location.href).href,
    /** Sets how every following request is answered. */
    answer: (answer: MockAnswer) => post({ answer }),
    /** Queues an answer for the next request only. */
    answerOnce: (answer: MockAnswer) => post({ answer, once: true }),
    requests: async (): Promise<RecordedRequest[]> =>
      (await fetch(`${control}/requests`)).json() as Promise<RecordedRequest[]>,
  };
}

/** The engine running the tests. */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrom(e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/**
 * `it` in Chromium, skipped (and reported as skipped) in Firefox and WebKit: for a test that
 * needs a Chromium-only command. `reason` names it, so the skip explains itself.
 */
export function itInChromium(reason: string): Mocha.TestFunction | Mocha.PendingTestFunction {
  void reason;
  return engine === 'chromium' ? it : it.skip;
}

/** `it` in the listed engines, skipped (reported as skipped) in the others, for `reason`. */
export function itIn(engines: (typeof engine)[], reason: string): Mocha.TestFunction | Mocha.PendingTestFunction {
  void reason;
  return engines.includes(engine) ? it : it.skip;
}

/**
 * Emulates CSS media features (Chromium only: DevTools protocol); with no argument, resets the
 * ones the tests use (a no-op elsewhere).
 */
export function emulateMediaFeatures(
  features: { name: string; value: string }[] = [
    { name: 'prefers-color-scheme', value: '' },
    { name: 'forced-colors', value: '' },
  ],
) {
  if (engine !== 'chromium' && features.every((f) => f.value === '')) return Promise.resolve(true);
  return executeServerCommand('emulate-media-features', { features });
}

/** Ayrshare's GET /api/user answer as its docs show it, unchanged. */
export const AYRSHARE_USER = {
  activeSocialAccounts: ['facebook', 'linkedin', 'twitter', 'mastodon'],
  created: '2024-02-10T18:35:06.000Z',
  displayNames: [
    {
      created: '2024-02-10T18:36:12.000Z',
      displayName: 'Acme Page',
      id: '1044111111111111',
      pageName: 'Acme Page',
      platform: 'facebook',
      profileUrl: 'https://www.facebook.com/1044111111111111',
      userImage: 'https://scontent.example.com/acme.jpg',
      usedBy: [],
    },
    {
      created: '2024-02-10T18:37:02.000Z',
      displayName: 'Acme Corp',
      id: 'urn:li:organization:7777',
      platform: 'linkedin',
      profileUrl: 'https://www.linkedin.com/company/acme',
      type: 'corporate',
      userImage: 'https://media.licdn.example.com/acme.png',
    },
    {
      created: '2024-02-10T18:38:41.000Z',
      displayName: 'Acme',
      id: '1234567890',
      platform: 'twitter',
      profileUrl: 'https://x.com/acme',
      userImage: 'https://pbs.twimg.example.com/acme.jpg',
      username: 'acme',
      subscriptionType: 'None',
    },
  ],
  email: null,
  lastApiCall: '2024-02-11T09:00:00.000Z',
  monthlyApiCalls: 12,
  refId: 'a1b2c3d4e5',
  title: 'Acme workspace',
  lastUpdated: '2024-02-11T09:00:00.000Z',
  nextUpdate: '2024-02-11T09:05:00.000Z',
};

/** What a network row says, as a screen reader reads it: name, status, account. */
export function rowText(row: Element): string {
  return (row.querySelector('.details')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A network's row, by comparing data (ids may hold characters a selector would need escaped). */
export function rowOf(el: Element, id: string): HTMLElement {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[data-network]')].find((row) => row.dataset.network === id)!;
}
