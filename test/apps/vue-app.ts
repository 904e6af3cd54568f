import { createApp, h, ref } from 'vue';
import '../../src/entries/index.js';
import type { SocialLinkChangeDetail } from '../../src/entries/index.js';

/** A Vue 3 app using <social-link-button> with a Vue event listener. */
export function mount(container: HTMLElement, profileEndpoint: string) {
  const log = ref<string[]>([]);
  createApp({
    render: () => [
      h('social-link-button', {
        id: 'vue-el',
        'profile-endpoint': profileEndpoint,
        networks: 'youtube tiktok',
        label: 'Link (Vue)',
        onSocialLinkChange: (event: CustomEvent<SocialLinkChangeDetail>) => {
          log.value = [...log.value, `vue:${event.detail.added.join(',')}`];
        },
      }),
      h('ul', { id: 'vue-log' }, log.value.map((entry) => h('li', { key: entry }, entry))),
    ],
  }).mount(container);
}
