// Pages for the script-tag builds (the element's and the callback's IIFE), each in a same-origin
// iframe of its own, so a test decides what the markup around the <script> holds: a clobbering
// tag, data-locales, a pinned locale file. Requests are read from the frame's Resource Timing.
import { mockEndpoint, waitFor } from './helpers.js';
import type { SocialLinkButton } from '../src/element/social-link-button.js';

type FrameWindow = Window & typeof globalThis & { __ready?: boolean };

export interface ScriptFrame {
  frame: HTMLIFrameElement;
  win: FrameWindow;
  doc: Document;
  el: (id: string) => SocialLinkButton;
  /** The label an element shows. */
  label: (id: string) => string;
  /** How many requests the frame made whose URL contains `part`. */
  requests: (part: string) => number;
  /** Every URL the frame requested. */
  urls: () => string[];
}

const frames: HTMLIFrameElement[] = [];

/** A page with `body` (and `head`) in a fresh iframe, once its scripts ran. */
export async function scriptFrame(body: string, head = ''): Promise<ScriptFrame> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}<script>window.__ready = true</script></body></html>`;
  frames.push(frame);
  document.body.append(frame);
  await waitFor(() => (frame.contentWindow as FrameWindow | null)?.__ready, 'the frame never loaded');
  const win = frame.contentWindow as FrameWindow;
  const doc = frame.contentDocument!;
  const urls = () => win.performance.getEntriesByType('resource').map((entry) => entry.name);
  const el = (id: string) => doc.getElementById(id) as SocialLinkButton;
  return {
    frame,
    win,
    doc,
    el,
    label: (id) => el(id).shadowRoot?.querySelector('[part="label"]')?.textContent?.trim() ?? '',
    requests: (part) => urls().filter((url) => url.includes(part)).length,
    urls,
  };
}

/** Removes the frames the test made. */
export function removeFrames() {
  for (const frame of frames.splice(0)) frame.remove();
}

/**
 * The element's script-tag build served from its own folder, `/mock/<id>/`, with no locales/
 * folder beside it (a host that copied the script alone), and only the `parts` named (each
 * answered after its `delay`): returns the script's URL and that folder's locales/ prefix.
 */
export async function loneIife(parts: Record<string, { delay?: number }> = {}) {
  const file = mockEndpoint('iife');
  const code = await (await fetch('/dist/social-link-button.iife.js')).text();
  await file.answer({ raw: code, type: 'text/javascript' });
  const id = file.url.split('/')[2]!;
  for (const [name, { delay }] of Object.entries(parts)) {
    const part = mockEndpoint(`parts/${name}.js`, id);
    await part.answer({ raw: await (await fetch(`/dist/parts/${name}.js`)).text(), type: 'text/javascript', delay });
  }
  return { src: file.url, locales: file.url.replace(/iife$/, 'locales/') };
}

/** The `integrity` value of the file at `path`, from the bytes the test server serves (as a host computes it from its own copy). */
export async function pin(path: string): Promise<string> {
  const bytes = await (await fetch(path)).arrayBuffer();
  return `sha384-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))))}`;
}

/** Whether the frame's event loop still turns: a timer there fires, and the element settles. */
export async function responsive(page: ScriptFrame, id: string) {
  await new Promise((resolve) => page.win.setTimeout(resolve, 0));
  await page.el(id).updateComplete;
  return true;
}
