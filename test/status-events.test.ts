// events-endpoint: a pushed change re-reads the status (every element on the profile endpoint
// updates), one stream per endpoint per page, reconnects, bad events ignored, nothing left open.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { catchUncaught, item, loaded, mockEndpoint, quietFor, waitFor } from './helpers.js';
import { openStreams } from '../src/element/parts/events-source.js';
import { linked, sseEndpoint } from './sse-helpers.js';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';

async function requestCount(profile: ReturnType<typeof mockEndpoint>, count: number) {
  await waitFor(async () => (await profile.requests()).length >= count, `fewer than ${count} status reads`);
}

afterEach(async () => {
  // Every test's elements are gone by now (fixtures are cleaned up): so are their streams.
  await waitFor(() => openStreams() === 0, 'a stream outlived its elements');
});

describe('events-endpoint', () => {
  it('re-reads the status on a pushed change: the row changes and social-link-change fires', async () => {
    const profile = mockEndpoint();
    const events = sseEndpoint();
    await profile.answer(linked('facebook', 'twitter'));
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url} events-endpoint=${events.url}></social-link-button>`,
    );
    await loaded(el);
    await events.openCount(1);
    expect(el.eventsEndpoint).to.equal(events.url);
    expect(item(el, 'facebook').hasAttribute('data-linked')).to.be.true;

    await profile.answer(linked('twitter'));
    const change = oneEvent(el, 'social-link-change');
    await events.change();
    const { detail } = await change;
    expect(detail).to.deep.include({ linked: ['twitter'], added: [], removed: ['facebook'] });
    await el.updateComplete;
    expect(item(el, 'facebook').hasAttribute('data-linked')).to.be.false;
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.equal('Facebook unlinked.');
    expect(await profile.requests()).to.have.length(2);
    // Same origin: EventSource asks for the stream as such.
    const [request] = (await events.state()).requests;
    expect(request.headers.accept).to.equal('text/event-stream');
  });

  it('shares one stream between the elements of a page, and every element on the profile endpoint updates', async () => {
    const profile = mockEndpoint();
    const other = mockEndpoint();
    const events = sseEndpoint();
    await profile.answer(linked('facebook'));
    await other.answer(linked());
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <social-link-button profile-endpoint=${profile.url} events-endpoint=${events.url}></social-link-button>
      <social-link-button profile-endpoint=${profile.absoluteUrl} events-endpoint=${events.absoluteUrl} compact></social-link-button>
      <social-link-button profile-endpoint=${other.url} events-endpoint=${events.url}></social-link-button>
      <social-link-button profile-endpoint=${profile.url}></social-link-button>
    </div>`);
    const elements = [...wrapper.querySelectorAll('social-link-button')];
    for (const el of elements) await loaded(el);
    await events.openCount(1);
    expect((await events.state()).opened).to.equal(1);

    await profile.answer(linked('facebook', 'tiktok'));
    await other.answer(linked('youtube'));
    const heard = elements.map((el) => oneEvent(el, 'social-link-change'));
    await events.change({ type: 'link', platform: 'tiktok', source: 'user' });
    const details = await Promise.all(heard);
    // The element without events-endpoint shares the profile endpoint, so it hears the re-read too.
    expect(details.map((e) => e.detail.added)).to.deep.equal([['tiktok'], ['tiktok'], ['youtube'], ['tiktok']]);
    expect(await profile.requests()).to.have.length(2);
    expect(await other.requests()).to.have.length(2);
    expect((await events.state()).opened).to.equal(1);

    // One element leaving keeps the stream for the others; the last one closes it.
    elements[0].remove();
    elements[1].remove();
    await quietFor(100);
    expect((await events.state()).open).to.equal(1);
    elements[2].remove();
    await events.openCount(0);
    expect(openStreams()).to.equal(0);
  });

  it('reads once for a burst of changes (once more if a read was in flight)', async () => {
    const profile = mockEndpoint();
    const events = sseEndpoint();
    await profile.answer(linked('facebook'));
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url} events-endpoint=${events.url}></social-link-button>`,
    );
    await loaded(el);
    await events.openCount(1);
    await profile.answer({ ...linked(), delay: 200 });
    const frame = `event: status\ndata: {"type":"changed"}\n\n`;
    await events.push({ raw: frame.repeat(20) });
    await waitFor(() => el.linked.length === 0, 'the burst never re-read the status');
    await quietFor(400);
    const reads = (await profile.requests()).length - 1;
    expect(reads).to.be.within(1, 2);
  });

  it('reads once more after a read in flight when a change arrives, since that read may predate it', async () => {
    const profile = mockEndpoint();
    const events = sseEndpoint();
    await profile.answer(linked('facebook'));
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url} events-endpoint=${events.url}></social-link-button>`,
    );
    await loaded(el);
    await events.openCount(1);
    // A read already under way answers the old state; the change after it is what counts.
    await profile.answerOnce({ ...linked('facebook'), delay: 600 });
    await profile.answer(linked('youtube'));
    void el.refresh();
    await requestCount(profile, 2);
    await events.change({ type: 'link', platform: 'youtube' });
    await waitFor(() => el.linked.includes('youtube'), 'the change after the read in flight was not read');
    expect(el.linked).to.deep.equal(['youtube']);
    expect(await profile.requests()).to.have.length(3);
  });

  it('reconnects after the stream drops, and re-reads on its ready (changes may have been missed)', async () => {
    const profile = mockEndpoint();
    const events = sseEndpoint();
    await events.answer({ retry: 100 });
    await profile.answer(linked('facebook'));
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url} events-endpoint=${events.url}></social-link-button>`,
    );
    await loaded(el);
    await events.openCount(1);
    await profile.answer(linked('linkedin'));
    await events.change({ type: 'link', platform: 'linkedin' }, '7');
    await waitFor(() => el.linked.includes('linkedin'), 'the change was not read');

    // Ayrshare unlinked it while the stream was down: only the ready after the reconnect tells.
    await profile.answer(linked());
    const change = oneEvent(el, 'social-link-change');
    await events.drop();
    expect((await change).detail.removed).to.deep.equal(['linkedin']);
    const state = await events.state();
    expect(state.opened).to.equal(2);
    expect(state.open).to.equal(1);
    // EventSource's own reconnect names the last event it saw, so the server can replay.
    expect(state.requests[1].headers['last-event-id']).to.equal('7');
  });

  for (const refusal of [{ status: 503 }, { type: 'text/html' }]) {
    it(`connects again with backoff when the browser gives up on the stream (${JSON.stringify(refusal)})`, async () => {
      const profile = mockEndpoint();
      const events = sseEndpoint();
      await profile.answer(linked('facebook'));
      await events.answer({ status: 200, ...refusal, retry: 100 });
      const uncaught = catchUncaught();
      const el = await fixture<SocialLinkButton>(
        html`<social-link-button profile-endpoint=${profile.url} events-endpoint=${events.url}></social-link-button>`,
      );
      await loaded(el);
      // The first retry comes within a second (jittered), the next within two.
      await waitFor(async () => (await events.state()).requests.length >= 2, 'no second attempt');
      await events.answer({ status: 200, type: null });
      await events.openCount(1);
      // Its ready follows a failure: the status is read again.
      await requestCount(profile, 2);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      await profile.answer(linked());
      await events.change();
      await waitFor(() => el.linked.length === 0, 'the change was not read');
      uncaught.stop();
      expect(uncaught.thrown).to.deep.equal([]);
    });
  }

  it('ignores malformed, unknown and huge events, and never throws', async () => {
    const profile = mockEndpoint();
    const events = sseEndpoint();
    await profile.answer(linked('facebook'));
    const uncaught = catchUncaught();
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url} events-endpoint=${events.url}></social-link-button>`,
    );
    await loaded(el);
    await events.openCount(1);
    await profile.answer(linked());
    const bad = [
      'not json',
      '{"type":',
      'null',
      '[]',
      '"link"',
      '42',
      '{}',
      '{"type":"delete"}',
      '{"type":["link"]}',
      '{"type":"__proto__"}',
      '{"type":"toString"}',
      `{"type":"link","platform":"${'a'.repeat(100_000)}"}`,
    ];
    let raw = ': ping\n\n';
    for (const data of bad) raw += `event: status\ndata: ${data}\n\n`;
    // A change under another event name or none, and a ready with no break before it.
    raw += 'data: {"type":"link"}\n\nevent: other\ndata: {"type":"link"}\n\nevent: ready\ndata: {}\n\n';
    await events.push({ raw });
    await quietFor(500);
    expect(await profile.requests()).to.have.length(1);
    expect(el.linked).to.deep.equal(['facebook']);

    // The stream still works.
    await events.change();
    await waitFor(() => el.linked.length === 0, 'a valid change after bad ones was not read');
    uncaught.stop();
    expect(uncaught.thrown).to.deep.equal([]);
  });
});
