/**
 * GraphiQL at GET /graphiql (development and demo mode, or GRAPHQL_GRAPHIQL=true), served entirely
 * by this process: the page, and the browser builds that the `graphiql`, `@graphiql/plugin-explorer`,
 * `react`, `react-dom` and `graphql-ws` packages ship, read from node_modules. Nothing is fetched
 * from anywhere else (the page's Content-Security-Policy says so to the browser too), so the
 * explorer works where Apollo Sandbox, which loads from Apollo's CDN, cannot: offline, or on a
 * network that reaches only a package registry.
 *
 * Queries and mutations go to /graphql over HTTP, subscriptions over graphql-ws at the same URL,
 * both with the headers of GraphiQL's header editor (the demo key, pre-filled in demo mode).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GRAPHIQL_SETUP } from './graphiqlSetup.js';

export const GRAPHIQL_PATH = '/graphiql';
const ASSETS = `${GRAPHIQL_PATH}/assets/`;

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** The files the page loads, by the name it asks for: a fixed list, so no request names a path. */
const FILES: Readonly<Record<string, { pkg: string; file: string; type: string }>> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'explorer.js': { pkg: '@graphiql/plugin-explorer', file: 'dist/index.umd.js', type: 'text/javascript' },
  'explorer.css': { pkg: '@graphiql/plugin-explorer', file: 'dist/style.css', type: 'text/css' },
  'graphql-ws.js': { pkg: 'graphql-ws', file: 'umd/graphql-ws.min.js', type: 'text/javascript' },
};

// Inline styles are React's and CodeMirror's; every script is one of the files above.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface GraphiQLOptions {
  /** The operations the editor opens with. */
  exampleDocument: string;
  /** Pre-filled in the header editor: the demo key in demo mode, a placeholder when callers must bring one. */
  headers: Record<string, string>;
}

interface Asset {
  body: Buffer;
  type: string;
}

/** JSON inside a <script> element: nothing in it may close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

function page(options: GraphiQLOptions): string {
  const config = { endpoint: 'graphql', query: options.exampleDocument, headers: JSON.stringify(options.headers, null, 2) };
  // Relative URLs: the page works behind a proxy that serves the gateway under a path.
  const scripts = ['react.js', 'react-dom.js', 'graphiql.js', 'explorer.js', 'graphql-ws.js', 'setup.js'];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · Acquire GraphQL gateway</title>
<link rel="stylesheet" href="graphiql/assets/graphiql.css">
<link rel="stylesheet" href="graphiql/assets/explorer.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="graphiql-config" type="application/json">${scriptJson(config)}</script>
${scripts.map((name) => `<script src="graphiql/assets/${name}"></script>`).join('\n')}
</body>
</html>
`;
}

export interface GraphiQLRoute {
  /** Whether `path` is GraphiQL's (the page or one of its files). */
  owns(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, path: string): void;
}

export function createGraphiQLRoute(options: GraphiQLOptions): GraphiQLRoute {
  const html = Buffer.from(page(options), 'utf8');
  // Read on first use (GraphiQL's own build is about 1 MB), then kept: the files never change while running.
  const assets = new Map<string, Asset>();
  const assetOf = (name: string): Asset | null => {
    if (name === 'setup.js') return { body: Buffer.from(GRAPHIQL_SETUP, 'utf8'), type: 'text/javascript' };
    const known = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
    if (!known) return null;
    let asset = assets.get(name);
    if (!asset) {
      asset = { body: readFileSync(join(packageDir(known.pkg), known.file)), type: known.type };
      assets.set(name, asset);
    }
    return asset;
  };

  return {
    owns: (path) => path === GRAPHIQL_PATH || path === `${GRAPHIQL_PATH}/` || path.startsWith(ASSETS),
    handle(req, res, path) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        res.end();
        return;
      }
      if (path === `${GRAPHIQL_PATH}/`) {
        res.writeHead(301, { location: GRAPHIQL_PATH });
        res.end();
        return;
      }
      if (path === GRAPHIQL_PATH) {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': html.length,
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : html);
        return;
      }
      const asset = assetOf(path.slice(ASSETS.length));
      if (!asset) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('No such GraphiQL file');
        return;
      }
      res.writeHead(200, {
        'content-type': `${asset.type}; charset=utf-8`,
        'content-length': asset.body.length,
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
    },
  };
}
