/**
 * A tiny static HTTP server on 127.0.0.1 for fixture pages; no test touches
 * the internet. `/csp/<file>` serves the same file under a strict CSP.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../e2e/fixtures');
export const DEMO = resolve(fileURLToPath(import.meta.url), '../../assets/demo');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};
const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'self'; img-src 'none'";

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startServer(roots: string[] = [FIXTURES, DEMO]): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      let path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (path === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      const strict = path.startsWith('/csp/');
      if (strict) path = path.slice(4);
      const relative = normalize(path).replace(/^(\.\.[/\\])+/, '');
      for (const root of roots) {
        try {
          const body = await readFile(join(root, relative));
          const headers: Record<string, string> = {
            'content-type': TYPES[extname(relative)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
          };
          if (strict) headers['content-security-policy'] = STRICT_CSP;
          response.writeHead(200, headers).end(body);
          return;
        } catch {
          // try the next root
        }
      }
      response.writeHead(404).end('not found');
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
