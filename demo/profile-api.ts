// The demo's built-in profile endpoint: an in-memory stand-in for a host backend that answers
// like Ayrshare's GET /api/user, plus a switch that flips one network so the page can show a
// live change. Node-only; mounted as Vite middleware by vite.config.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';

interface DemoAccount {
  platform: string;
  displayName?: string;
  username?: string;
  pageName?: string;
  profileUrl?: string;
  userImage?: string;
}

const DEMO_ACCOUNTS: Record<string, DemoAccount> = {
  linkedin: {
    platform: 'linkedin',
    displayName: 'Acme Corp',
    profileUrl: 'https://www.linkedin.com/company/example',
  },
  instagram: { platform: 'instagram', username: 'acme', displayName: 'Acme' },
  twitter: { platform: 'twitter', username: 'acme', displayName: 'Acme (@acme)' },
  facebook: { platform: 'facebook', pageName: 'Acme on Facebook' },
  youtube: { platform: 'youtube', displayName: 'Acme TV' },
};

export function createDemoProfileApi() {
  const linked = new Set(['linkedin', 'instagram']);

  function send(res: ServerResponse, status: number, body: unknown) {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  }

  return function demoProfileApi(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (url.pathname === '/api/profile' && req.method === 'GET') {
      send(res, 200, {
        activeSocialAccounts: [...linked],
        displayNames: [...linked].map(
          (id) => DEMO_ACCOUNTS[id] ?? { platform: id, displayName: `Acme on ${id}` },
        ),
        // Ayrshare's answer carries more; the element ignores it.
        refId: 'demo-ref-id',
        title: 'Demo profile',
      });
      return;
    }
    if (url.pathname === '/api/demo/toggle' && req.method === 'POST') {
      const network = url.searchParams.get('network') ?? '';
      if (!/^[a-z]+$/.test(network)) return send(res, 400, { message: 'Unknown network.' });
      if (linked.has(network)) linked.delete(network);
      else linked.add(network);
      send(res, 200, { activeSocialAccounts: [...linked] });
      return;
    }
    next();
  };
}
