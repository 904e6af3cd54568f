// `social-link-button/react`: the element as a React component (React 18 and 19), with its
// events as `onLinkChange`-style props. React 19 can also use <social-link-button> directly:
// importing this module's types gives that JSX its checked props (see the JSX block below).
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { define } from '../element/define.js';
import { importLocalesWith } from '../i18n/language.js';
import { LOCALE_IMPORTS } from '../i18n/locale-imports.js';
import type {
  SocialLinkChangeDetail,
  SocialLinkCloseDetail,
  SocialLinkConnectDetail,
  SocialLinkDoneDetail,
  SocialLinkErrorDetail,
  SocialLinkMode,
  SocialLinkOpenDetail,
} from '../element/types.js';
import { SocialLinkButton as SocialLinkButtonElement } from '../element/social-link-button.js';

importLocalesWith(LOCALE_IMPORTS);
define();

export const SocialLinkButton = createComponent({
  tagName: 'social-link-button',
  elementClass: SocialLinkButtonElement,
  react: React,
  displayName: 'SocialLinkButton',
  events: {
    onLinkOpen: 'social-link-open' as EventName<CustomEvent<SocialLinkOpenDetail>>,
    onLinkConnect: 'social-link-connect' as EventName<CustomEvent<SocialLinkConnectDetail>>,
    onLinkDone: 'social-link-done' as EventName<CustomEvent<SocialLinkDoneDetail>>,
    onLinkClose: 'social-link-close' as EventName<CustomEvent<SocialLinkCloseDetail>>,
    onLinkChange: 'social-link-change' as EventName<CustomEvent<SocialLinkChangeDetail>>,
    onLinkError: 'social-link-error' as EventName<CustomEvent<SocialLinkErrorDetail>>,
  },
});

/** Attributes and event props of <social-link-button> as React 19 passes them to the element. */
export interface SocialLinkButtonJsxProps extends React.HTMLAttributes<SocialLinkButtonElement> {
  'jwt-endpoint'?: string;
  'profile-endpoint'?: string;
  'unlink-endpoint'?: string;
  networks?: string;
  'allowed-hosts'?: string;
  'callback-origins'?: string;
  mode?: SocialLinkMode;
  label?: string;
  timeout?: number | string;
  prefetch?: 'intent' | 'none';
  disabled?: boolean;
  compact?: boolean;
  ref?: React.Ref<SocialLinkButtonElement>;
  'onsocial-link-open'?: (event: CustomEvent<SocialLinkOpenDetail>) => void;
  'onsocial-link-connect'?: (event: CustomEvent<SocialLinkConnectDetail>) => void;
  'onsocial-link-done'?: (event: CustomEvent<SocialLinkDoneDetail>) => void;
  'onsocial-link-close'?: (event: CustomEvent<SocialLinkCloseDetail>) => void;
  'onsocial-link-change'?: (event: CustomEvent<SocialLinkChangeDetail>) => void;
  'onsocial-link-error'?: (event: CustomEvent<SocialLinkErrorDetail>) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'social-link-button': SocialLinkButtonJsxProps;
    }
  }
}
