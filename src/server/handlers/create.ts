// The reference host backend for Ayrshare: three framework-neutral handlers on Web `Request` →
// `Response` for the element's three endpoints. The API key, the private key and Profile Keys
// stay here: no answer carries them, and nothing here logs.
import { createAyrshareClient } from '../ayrshare/client.js';
import { UpstreamError } from '../ayrshare/errors.js';
import { internalError } from '../http/responses.js';
import { createMemoryChangeHub } from '../live/changes.js';
import { eventsHandler } from './events.js';
import { linkUrl } from './link-url.js';
import { liveStatus } from './live-status.js';
import type { AyrshareHandlerOptions, AyrshareHandlers, EndpointContext } from './options.js';
import { profile } from './profile.js';
import { keySource, profileErrorAnswer } from './profile-keys.js';
import { unlink } from './unlink.js';
import { webhookHandler } from './webhook.js';

/** Any failure becomes an answer: Ayrshare's and the directory's mapped to ours, anything else a plain 500. */
async function guarded(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UpstreamError) return error.response;
    return profileErrorAnswer(error) ?? internalError();
  }
}

export function createAyrshareHandlers(options: AyrshareHandlerOptions): AyrshareHandlers {
  const { signedIn, profileKeyOf, subjectOf } = keySource(options);
  const changes = options.changes ?? options.profiles?.changes ?? createMemoryChangeHub();
  const context: EndpointContext = {
    options,
    checks: { allowedOrigins: options.allowedOrigins, maxBodyBytes: options.maxBodyBytes, signedIn },
    call: createAyrshareClient(options),
    profileKeyOf,
    changes,
    statusCache: liveStatus(options, changes),
    subjectOf,
  };
  const endpoint = (handle: (request: Request, context: EndpointContext) => Promise<Response>) => (request: Request) =>
    guarded(() => handle(request, context));
  const webhook = webhookHandler(context);
  const events = eventsHandler(context);
  return {
    linkUrl: endpoint(linkUrl),
    profile: endpoint(profile),
    unlink: endpoint(unlink),
    webhook: (request) => guarded(() => webhook(request)),
    events: (request) => guarded(() => events(request)),
  };
}
