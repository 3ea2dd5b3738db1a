// Serves the built web app (dist/web) with the right caching, or a plain page saying it is not built yet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** The page served at / while dist/web has no index.html: plain HTML, no script, so the strict policy holds. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>schism</title></head>
<body>
<h1>schism</h1>
<p>The web app is not built yet. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it first), then reload.</p>
<p>The HTTP API is up: see <a href="/api/openapi.json">/api/openapi.json</a> and <a href="/api/scenarios">/api/scenarios</a>.</p>
</body>
</html>
`;

/**
 * Static files from `root`; paths without a file extension get index.html (the app routes itself); missing builds get the notice.
 * Path traversal is refused by serveStatic (no `..`, no encoded separators), and only files under `root` are read.
 */
export function staticSite(root: string): MiddlewareHandler {
  // Made on first use once the build is there: serveStatic complains at creation about a root that does not exist yet.
  let handlers: { files: MiddlewareHandler; index: MiddlewareHandler } | undefined;
  const make = () => ({
    files: serveStatic({
      root,
      onFound: (path, c) => {
        // Bundled assets carry a content hash in their names, so they may be cached for good; the page itself may not.
        c.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
    index: serveStatic({ root, path: 'index.html', onFound: (_p, c) => c.header('Cache-Control', 'no-cache') }),
  });
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!existsSync(join(root, 'index.html'))) {
      if (c.req.path === '/' || c.req.path === '/index.html') return c.html(NOT_BUILT_PAGE);
      return next();
    }
    handlers ??= make();
    let found = true;
    const res = await handlers.files(c, async () => {
      found = false;
    });
    if (found && res) return res;
    if (!/\.[A-Za-z0-9]+$/.test(c.req.path)) {
      const page = await handlers.index(c, async () => {});
      if (page) return page;
    }
    return next();
  };
}
