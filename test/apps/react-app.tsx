import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { SocialLinkChangeDetail } from '../../src/entries/index.js';
import { SocialLinkButton } from '../../src/entries/react.js';

/** Renders the React wrapper and the element used natively (React 19) side by side. */
export function mount(container: HTMLElement, profileEndpoint: string) {
  function App() {
    const [log, setLog] = useState<string[]>([]);
    const note = (who: string) => (event: CustomEvent<SocialLinkChangeDetail>) =>
      setLog((entries) => [...entries, `${who}:${event.detail.added.join(',')}`]);
    return (
      <>
        <SocialLinkButton
          id="wrapped"
          profileEndpoint={profileEndpoint}
          networks={['youtube', 'tiktok']}
          label="Link (React wrapper)"
          onLinkChange={note('wrapped')}
        />
        <social-link-button
          id="native"
          profile-endpoint={profileEndpoint}
          networks="youtube tiktok"
          label="Link (React 19, native)"
          onsocial-link-change={note('native')}
        />
        <ul id="react-log">
          {log.map((entry) => (
            <li key={entry}>{entry}</li>
          ))}
        </ul>
      </>
    );
  }
  createRoot(container).render(<App />);
}

/**
 * Renders the wrapper with a handler on each of `props` (`onLinkOpen`…); each event that reaches
 * one is listed in #every-log.
 */
export function mountEvery(container: HTMLElement, props: string[]) {
  function Every() {
    const [log, setLog] = useState<string[]>([]);
    const handlers = Object.fromEntries(props.map((prop) => [prop, (event: Event) => setLog((seen) => [...seen, event.type])]));
    return (
      <>
        <SocialLinkButton id="every" {...handlers} />
        <ul id="every-log">
          {log.map((type) => (
            <li key={type}>{type}</li>
          ))}
        </ul>
      </>
    );
  }
  createRoot(container).render(<Every />);
}
