// `social-link-button/react`: the element as a React component (React 18 and 19), with its
// events as `onLinkChange`-style props. React 19 can also use <social-link-button> directly:
// importing this module's types gives that JSX its checked props (see the JSX block below).
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { SOCIAL_LINK_EVENTS } from '../element/events.js';
import type { SocialLinkEventMap, SocialLinkMode } from '../element/types.js';
import { define, SocialLinkButton as SocialLinkButtonElement } from './element.js';

define();

/** `in-app-browser` → `InAppBrowser`. */
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${Capitalize<A>}${Camel<B>}` : Capitalize<S>;
/** `social-link-open` → `onLinkOpen`, `social-link-in-app-browser` → `onLinkInAppBrowser`: the prop each event arrives on. */
type ReactEventProp<K> = K extends `social-link-${infer Name}` ? `onLink${Camel<Name>}` : never;
type ReactEvents = { [K in keyof SocialLinkEventMap as ReactEventProp<K>]: EventName<SocialLinkEventMap[K]> };

// Every event the element emits (the list a test keeps equal to custom-elements.json's), none by hand.
const events = Object.fromEntries(
  SOCIAL_LINK_EVENTS.map((type) => [`onLink${type.slice(12).replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())}`, type]),
) as ReactEvents;

export const SocialLinkButton = createComponent({
  tagName: 'social-link-button',
  elementClass: SocialLinkButtonElement,
  react: React,
  displayName: 'SocialLinkButton',
  events,
});

/** React 19's native event props: `onsocial-link-change` and the rest, one per event. */
type NativeEventProps = {
  [K in keyof SocialLinkEventMap as `on${K}`]?: (event: SocialLinkEventMap[K]) => void;
};

/** Attributes and event props of <social-link-button> as React 19 passes them to the element. */
export interface SocialLinkButtonJsxProps extends React.HTMLAttributes<SocialLinkButtonElement>, NativeEventProps {
  'jwt-endpoint'?: string;
  'profile-endpoint'?: string;
  'unlink-endpoint'?: string;
  'events-endpoint'?: string;
  networks?: string;
  'allowed-hosts'?: string;
  'callback-origins'?: string;
  mode?: SocialLinkMode;
  label?: string;
  timeout?: number | string;
  prefetch?: 'intent' | 'none';
  disabled?: boolean;
  compact?: boolean;
  'ignore-in-app'?: boolean;
  ref?: React.Ref<SocialLinkButtonElement>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'social-link-button': SocialLinkButtonJsxProps;
    }
  }
}
