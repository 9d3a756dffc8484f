// Serves the corpus read-only on 127.0.0.1 with a CSP that keeps the pages'
// own scripts from running (they would fail without their network anyway),
// while the documents still count as scripting-enabled (<noscript> stays raw
// text, as for a real visitor). For the page-load mode also: a blank page,
// an empty ad frame, and any page with FRAME_COUNT such frames added.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { corpusDir } from './config.ts';

export const BLANK_PAGE = '__blank.html';
/** Where each measured tab starts; the extensions are told not to run there (load-extensions.ts). */
export const PRE_PAGE = '__pre.html';
/** The server also answers on 127.0.0.2 … 127.0.0.(SITES + 1): a site, and so a renderer, per page load. */
export const SITES = 48;
export const siteHost = (k: number): string => `127.0.0.${2 + (k % SITES)}`;
export const FRAME_COUNT = 20;
const AD_FRAME = '__ad-frame.html';
const FRAMED = '__framed/';

/** The address of `page` (a corpus file or BLANK_PAGE) with FRAME_COUNT ad frames added. */
export const framedPath = (page: string): string => `${FRAMED}${page}`;

const CSP = "script-src 'none'; frame-src 'none'; object-src 'none'";
const CSP_FRAMES = "script-src 'none'; frame-src 'self'; object-src 'none'";

const BLANK = '<!doctype html><html><head><title>blank</title></head><body></body></html>';
/** What an ad frame holds once its scripts are stripped: no text, only boxes, a style and a script. */
const AD = `<!doctype html><html><head><style>body{margin:0}.ad{width:300px;height:250px;background:#eee}</style>
<script>window.adConfig = { slot: "sidebar", sizes: [[300, 250]] };</script></head>
<body><div class="ad"><a href="/"><img alt="" width="300" height="250" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a></div>
<script>document.querySelector(".ad");</script></body></html>`;

function withFrames(html: string): string {
  const frames = Array.from(
    { length: FRAME_COUNT },
    (_, i) =>
      `<iframe src="/${AD_FRAME}?slot=${i}" width="300" height="250" style="border:0"></iframe>`,
  ).join('');
  const at = html.lastIndexOf('</body>');
  return at >= 0 ? html.slice(0, at) + frames + html.slice(at) : html + frames;
}

function corpusFile(path: string): string | null {
  const file = resolve(corpusDir, `.${path}`);
  return file.startsWith(corpusDir + sep) && file.endsWith('.html') && existsSync(file)
    ? file
    : null;
}

export async function serveCorpus(): Promise<{ server: Server; origin: string }> {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const framed = path.startsWith(`/${FRAMED}`);
    if (framed) path = path.slice(FRAMED.length);
    let html: string | Buffer | null = null;
    if (path === `/${BLANK_PAGE}` || path === `/${PRE_PAGE}`) html = BLANK;
    else if (path === `/${AD_FRAME}`) html = AD;
    else {
      const file = corpusFile(path);
      if (file) html = readFileSync(file);
    }
    if (html === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': framed ? CSP_FRAMES : CSP,
      'cache-control': 'no-store',
    });
    res.end(framed ? withFrames(html.toString()) : html);
  };
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  // The same port on the other loopback addresses (Linux answers on all of 127/8).
  const others = await Promise.all(
    Array.from({ length: SITES }, async (_, k) => {
      const other = createServer(handler);
      await new Promise<void>((done) => other.listen(address.port, siteHost(k), done));
      return other;
    }),
  );
  server.on('close', () => others.forEach((other) => other.close()));
  return { server, origin: `http://127.0.0.1:${address.port}` };
}
