import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Router, type Response } from 'express';

/**
 * GraphiQL served from our own node_modules (React 18 and GraphiQL 3 UMD builds): the IDE works
 * on a machine with no internet access, and no third-party CDN sees our analysts' queries.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A package's root folder (React's `exports` hide its UMD files from `require.resolve`). */
function packageRoot(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Courierdesk graph</title>
  <!-- No icon to fetch: a browser would otherwise ask for /favicon.ico and log a 404. -->
  <link rel="icon" href="data:," />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="./graphiql/graphiql.css" />
  <link rel="stylesheet" href="./graphiql/app.css" />
</head>
<body>
  <div id="graphiql">Loading the IDE…</div>
  <script src="./graphiql/react.js"></script>
  <script src="./graphiql/react-dom.js"></script>
  <script src="./graphiql/graphiql.js"></script>
  <script src="./graphiql/app.js"></script>
</body>
</html>`;

// The token may come in the URL fragment (#token=…), which browsers never send to a server,
// so it stays out of access logs; it is moved into the headers editor and the fragment cleared.
const APP = `(function () {
  var match = /token=([^&]+)/.exec(window.location.hash);
  var headers = { Authorization: 'Bearer ' + (match ? decodeURIComponent(match[1]) : '<paste a token from npm start or npm run token>') };
  if (match) history.replaceState(null, '', window.location.pathname);
  var fetcher = GraphiQL.createFetcher({ url: new URL('./graphql', window.location.href).toString() });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: JSON.stringify(headers, null, 2),
    shouldPersistHeaders: false,
    defaultQuery: '# Courierdesk: one graph for express-parcel customer service.\\n# Try: who delivers to a street in Beijing Dongcheng?\\n{\\n  whoDeliversHere(districtCode: "110101", text: "东华门") {\\n    score\\n    matchedBy\\n    courier { name phone }\\n    outlet { name code }\\n  }\\n}\\n'
  }));
})();`;

const APP_CSS = 'html, body, #graphiql { height: 100%; margin: 0; }';

/**
 * The page runs only our own files: no inline script or style, no eval, no other origin (the
 * GraphiQL bundle's fonts and icons are data: URLs in its CSS). Radix, inside GraphiQL, adds a
 * scroll-lock <style> when a dialog or menu opens; the policy refuses it and the browser logs
 * that, harmlessly: the IDE fills the window and never scrolls. Allowing it would need
 * 'unsafe-inline' (the bundle cannot be given a nonce, and the style's text varies).
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The IDE holds a caller's token: no framing (clickjacking), no MIME sniffing, and no Referer
// carrying the page's URL elsewhere.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const cache = new Map<string, Buffer>();
function asset(file: string): Buffer {
  let body = cache.get(file);
  if (!body) {
    body = readFileSync(join(packageRoot(ASSETS[file].pkg), ASSETS[file].file));
    cache.set(file, body);
  }
  return body;
}

function send(res: Response, type: string, body: string | Buffer): void {
  res.setHeader('content-type', `${type}; charset=utf-8`);
  res.setHeader('cache-control', 'no-cache');
  res.set(SECURITY_HEADERS);
  res.send(body);
}

/** Routes for the IDE: `GET /` (the page), `GET /graphiql/*` (its assets). */
export function graphiqlRouter(): Router {
  const router = Router();
  router.get('/', (_req, res) => send(res, 'text/html', PAGE));
  router.get('/graphiql/app.js', (_req, res) => send(res, 'text/javascript', APP));
  router.get('/graphiql/app.css', (_req, res) => send(res, 'text/css', APP_CSS));
  router.get('/graphiql/:file', (req, res) => {
    const entry = ASSETS[req.params.file];
    if (!entry) {
      res.status(404).end();
      return;
    }
    send(res, entry.type, asset(req.params.file));
  });
  return router;
}

/** Paths of every asset the page loads (for tests: all local, all served). */
export const GRAPHIQL_ASSET_PATHS = ['/graphiql/app.js', '/graphiql/app.css', ...Object.keys(ASSETS).map((f) => `/graphiql/${f}`)];
