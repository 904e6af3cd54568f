import 'social-link-button';
import type {} from 'social-link-button/solid';

const seen: string[] = [];

export const App = () => (
  <social-link-button
    jwt-endpoint="/api/social/link-url"
    profile-endpoint="/api/social/status"
    events-endpoint="/api/social/events"
    networks="linkedin x"
    mode="popup"
    prop:networks={['linkedin', 'twitter']}
    on:social-link-open={(e) => seen.push(e.detail.mode)}
    on:social-link-connect={(e) => seen.push(e.detail.network, e.detail.outcome)}
    on:social-link-done={(e) => seen.push(String(Object.keys(e.detail).length))}
    on:social-link-close={(e) => seen.push(String(e.detail.completed))}
    on:social-link-change={(e) => seen.push(...e.detail.added)}
    on:social-link-error={(e) => seen.push(e.detail.code, e.detail.message)}
    on:social-link-health={(e) => seen.push(...e.detail.changed)}
  />
);
