import { mount as mountSvelte } from 'svelte';
import '../../src/entries/index.js';
import SvelteApp from './SvelteApp.svelte';

/** A Svelte 5 app using <social-link-button> with a Svelte event attribute. */
export function mount(container: HTMLElement, profileEndpoint: string) {
  mountSvelte(SvelteApp, { target: container, props: { profileEndpoint } });
}
