// events-endpoint over an element's life: no stream without it, the stream follows the attribute,
// closes on disconnect, survives a move, refuses hostile URLs, and 1,000 connect/disconnect
// cycles leave nothing open.
import { expect, fixture, html } from '@open-wc/testing';
import { catchUncaught, loaded, mockEndpoint, quietFor, waitFor } from './helpers.js';
import { openStreams } from '../src/element/parts/events-source.js';
import { linked, sseEndpoint } from './sse-helpers.js';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';

afterEach(async () => {
  await waitFor(() => openStreams() === 0, 'a stream outlived its elements');
});

/** The URLs this page requested since `since` (Resource Timing; streams included). */
const requestedSince = (since: number) =>
  performance.getEntriesByType('resource').filter((e) => e.startTime >= since).map((e) => e.name);

describe('events-endpoint lifecycle', () => {
  it('makes no request without the attribute, or without a profile endpoint', async () => {
    const profile = mockEndpoint();
    const events = sseEndpoint();
    await profile.answer(linked('facebook'));
    const since = performance.now();
    const el = await fixture<SocialLinkButton>(html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`);
    await loaded(el);
    const alone = await fixture<SocialLinkButton>(html`<social-link-button events-endpoint=${events.url}></social-link-button>`);
    await quietFor(300);
    expect(openStreams()).to.equal(0);
    expect((await events.state()).requests).to.deep.equal([]);
    // Only the endpoints (not the test's own control requests, nor the element's parts, which
    // this page loads from source).
    const endpoints = requestedSince(since).filter((url) => !/\/(mock-control|sse-control|src)\//.test(url));
    expect(endpoints).to.deep.equal([
      profile.absoluteUrl,
    ]);

    // The profile endpoint arriving later opens the stream; it leaving closes it.
    alone.setAttribute('profile-endpoint', profile.url);
    await events.openCount(1);
    alone.removeAttribute('profile-endpoint');
    await events.openCount(0);
  });

  it('follows the attribute: removed closes the stream, changed moves it, and a move keeps it', async () => {
    const profile = mockEndpoint();
    const first = sseEndpoint();
    const second = sseEndpoint();
    await profile.answer(linked('facebook'));
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url} events-endpoint=${first.url}></social-link-button>`,
    );
    await first.openCount(1);

    el.eventsEndpoint = second.url;
    await second.openCount(1);
    await first.openCount(0);
    expect(openStreams()).to.equal(1);

    // Moved within the page in one task: the same stream.
    const box = document.createElement('div');
    el.parentElement!.append(box);
    box.append(el);
    await quietFor(200);
    expect(await second.state()).to.include({ open: 1, opened: 1 });

    el.removeAttribute('events-endpoint');
    await second.openCount(0);
    expect(openStreams()).to.equal(0);
    el.setAttribute('events-endpoint', second.url);
    await second.openCount(1);
    el.remove();
    await second.openCount(0);
    expect(openStreams()).to.equal(0);
  });

  it('opens the stream with credentials only when requestInit says include', async () => {
    const profile = mockEndpoint();
    const events = sseEndpoint();
    await profile.answer(linked());
    // EventSource sends no custom headers: cookies (sent same-origin anyway) are the way to authenticate.
    document.cookie = 'sse-session=abc; path=/';
    try {
      const el = await fixture<SocialLinkButton>(
        html`<social-link-button
          profile-endpoint=${profile.url}
          events-endpoint=${events.url}
          .requestInit=${{ credentials: 'include', headers: { 'X-CSRF': 'nope' } }}
        ></social-link-button>`,
      );
      await events.openCount(1);
      const [request] = (await events.state()).requests;
      expect(request.headers.cookie).to.include('sse-session=abc');
      expect(request.headers).not.to.have.property('x-csrf');
      // Another credentials mode is another stream.
      el.requestInit = { credentials: 'omit' };
      await waitFor(async () => (await events.state()).opened === 2, 'no stream for the new credentials mode');
      await events.openCount(1);
    } finally {
      document.cookie = 'sse-session=; path=/; max-age=0';
    }
  });

  it('refuses non-http(s) and broken URLs, with a note to the developer, and never throws', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked());
    const uncaught = catchUncaught();
    const notes: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void notes.push(String(args[0]));
    try {
      const hostile = [
        'javascript:alert(1)',
        'data:text/event-stream,event: status%0Adata: {"type":"link"}%0A%0A',
        'ftp://127.0.0.1/sse',
        'blob:http://127.0.0.1/x',
        'http://[::1',
      ];
      for (const value of hostile) {
        const el = await fixture<SocialLinkButton>(
          html`<social-link-button profile-endpoint=${profile.url} events-endpoint=${value}></social-link-button>`,
        );
        await loaded(el);
        expect(openStreams(), value).to.equal(0);
      }
    } finally {
      console.error = error;
      uncaught.stop();
    }
    expect(uncaught.thrown).to.deep.equal([]);
    expect(notes.filter((note) => note.includes('events-endpoint'))).to.have.length(5);
  });

  it('gives 60 elements connected at once, on three profile endpoints, one stream and one read per endpoint per change', async () => {
    const profiles = [mockEndpoint(), mockEndpoint(), mockEndpoint()];
    const events = sseEndpoint();
    for (const profile of profiles) await profile.answer(linked('facebook'));
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const elements = Array.from({ length: 60 }, (_, i) => {
      const el = document.createElement('social-link-button') as SocialLinkButton;
      el.setAttribute('profile-endpoint', profiles[i % 3].url);
      el.setAttribute('events-endpoint', i % 2 ? events.url : events.absoluteUrl);
      return el;
    });
    box.append(...elements);
    for (const el of elements) await loaded(el);
    await events.openCount(1);
    for (const profile of profiles) await profile.answer(linked());
    await events.change();
    await waitFor(() => elements.every((el) => el.linked.length === 0), 'not every element updated');
    await quietFor(300);
    for (const profile of profiles) expect(await profile.requests()).to.have.length(2);
    expect((await events.state()).opened).to.equal(1);
    box.replaceChildren();
    await events.openCount(0);
  });

  it('leaves no stream open after 1,000 connect/disconnect cycles', async function () {
    // Each cycle starts (and aborts) a status read and a stream: seconds on a loaded machine.
    this.timeout(120_000);
    const profile = mockEndpoint();
    const events = sseEndpoint();
    await profile.answer(linked('facebook'));
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('social-link-button') as SocialLinkButton;
    el.setAttribute('profile-endpoint', profile.url);
    el.setAttribute('events-endpoint', events.url);
    for (let i = 0; i < 1000; i++) {
      box.append(el);
      // Now and then the stream is let open all the way before the element leaves.
      if (i % 250 === 0) await events.openCount(1);
      await Promise.resolve();
      el.remove();
      await new Promise((resolve) => setTimeout(resolve));
    }
    expect(openStreams()).to.equal(0);
    await events.openCount(0);
    const state = await events.state();
    expect(state.closed).to.equal(state.opened);
    expect(state.opened).to.be.at.least(4);

    // And it still works afterwards.
    box.append(el);
    await loaded(el);
    await events.openCount(1);
    await profile.answer(linked());
    await events.change();
    await waitFor(() => el.linked.length === 0, 'the change was not read');
    el.remove();
    await events.openCount(0);
  });
});
