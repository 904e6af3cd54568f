// The demo's callback page. Reached from a linking flow (the popup, whose opener is the app, or
// the redirect the demo gives Ayrshare, marked ?from=linking), it finishes the flow. Opened
// directly (a bookmark, the link in the event log), it finishes nothing: telling the person their
// accounts were linked would be untrue, and telling open elements the flow is done would end one.
export {};

const fromFlow = window.opener !== null || new URLSearchParams(location.search).get('from') === 'linking';

if (fromFlow) {
  await import('../src/entries/callback.js');
} else {
  const main = document.querySelector('main')!;
  const heading = document.createElement('h1');
  heading.textContent = 'No linking in progress';
  const text = document.createElement('p');
  text.textContent = 'You can close this window.';
  const back = document.createElement('a');
  back.href = '/';
  back.textContent = 'Return to the demo';
  const para = document.createElement('p');
  para.append(back);
  main.replaceChildren(heading, text, para);
  document.title = 'No linking in progress';
}
