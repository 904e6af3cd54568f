// What the status tests share: a network row's text and where to find it, the list once loaded,
// and Ayrshare's own /user answer.
import { waitFor } from './waiting.js';
import type { SocialLinkButton } from '../src/element/social-link-button.js';

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
  // Each element's text apart, as the accessibility tree puts the row's flex and grid items.
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
      else if (child.nodeType === Node.ELEMENT_NODE) {
        parts.push(' ');
        walk(child);
        parts.push(' ');
      }
    }
  };
  walk(row.querySelector('.details') ?? row);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** A network's row, by comparing data (ids may hold characters a selector would need escaped). */
export function rowOf(el: Element, id: string): HTMLElement {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[data-network]')].find((row) => row.dataset.network === id)!;
}

export function items(el: SocialLinkButton) {
  return [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('[part~="network"]')];
}
export function item(el: SocialLinkButton, id: string) {
  return el.shadowRoot!.querySelector<HTMLLIElement>(`[data-network="${id}"]`)!;
}
/** The status has been read, and the brand glyphs (a part loaded on first need) are drawn. */
export async function loaded(el: SocialLinkButton) {
  await waitFor(() => el.shadowRoot!.querySelector('[part="networks"][aria-busy="false"]'), 'status never loaded');
  await glyphsDrawn(el);
}

/** Every row's icon has its glyph (none is the empty tile drawn until the glyphs come). */
export async function glyphsDrawn(el: SocialLinkButton) {
  await waitFor(() => !el.shadowRoot!.querySelector('[part="icon"] path[d=""]'), 'the glyphs never came');
  await el.updateComplete;
}
