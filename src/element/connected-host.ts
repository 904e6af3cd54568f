import type { ReactiveControllerHost } from 'lit';

/** The element as its controllers see it: an update host that can tell whether it is in the document. */
export type ConnectedHost = ReactiveControllerHost & { readonly isConnected: boolean };
