/**
 * The local demo server: serves the project's source documents as article pages
 * on 127.0.0.1 (never on a public interface), for `npm start`, the E2E tests and
 * the screenshots. Extra fixture pages can be mounted for tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractDocument } from '@/lib/extract';
import { readSourceFolder } from '@/lib/profiles';
import type { SourceDocument } from '@/lib/model/bundle-format';
import { articlePath, renderArticlePage, renderIndexPage } from './render-page';

/** A running demo server. */
export interface DemoServer {
  /** Base URL, e.g. `http://127.0.0.1:5178`. */
  origin: string;
  /** The article pages, in the index's order, with absolute URLs. */
  articles: { id: string; title: string; url: string }[];
  /** Adds or replaces a page at `path` (for tests that need pages of their own). */
  mount(path: string, html: string): void;
  close(): Promise<void>;
}

/** Options for {@link startDemoServer}. */
export interface DemoServerOptions {
  sourcesDir: string;
  /** 0 picks a free port. */
  port?: number;
}

/** Reads and extracts every source document, then serves the index and one page per document. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const sources = await readSourceFolder(options.sourcesDir);
  const docs: SourceDocument[] = sources.map((source) => extractDocument(source).document);
  const pages = new Map<string, string>();
  pages.set('/', renderIndexPage(docs));
  for (const doc of docs) pages.set(articlePath(doc), renderArticlePage(doc));

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const html = pages.get(path === '/index.html' ? '/' : path);
    if (html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`No demo page at ${path}. Open / for the list of articles.`);
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const sorted = [...docs].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
  return {
    origin,
    articles: sorted.map((doc) => ({
      id: doc.id,
      title: doc.title,
      url: origin + articlePath(doc),
    })),
    mount: (path, html) => void pages.set(path, html),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser keeps connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}
