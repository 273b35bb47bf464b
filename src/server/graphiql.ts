/**
 * @module server/graphiql
 * GraphiQL for browsers at the GraphQL endpoint. Its page inlines 9 MB of
 * scripts (so it works offline), which Yoga would render afresh and send
 * uncompressed on every request; here it is rendered once, compressed once
 * (brotli and gzip, off the main thread) and sent with a strong ETag and a
 * long cache lifetime, so a reload costs a 304. The ETag is a digest of the
 * page: a new version of GraphiQL or of its options is a new ETag.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Browsers may keep the page a day; after that they revalidate with the ETag. */
const CACHE_CONTROL = 'public, max-age=86400';

interface RenderedPage {
  etag: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/** The page, rendered and compressed once, on first use. */
function pageOnce(options: {
  title: string;
  defaultQuery: string;
  endpoint: string;
}): () => Promise<RenderedPage> {
  let page: Promise<RenderedPage> | undefined;
  return () => {
    page ??= (async () => {
      // The renderer is 9 MB of JavaScript: loaded with the first page, not at start-up.
      const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
      const identity = Buffer.from(renderGraphiQL(options));
      const [br, gz] = await Promise.all([
        // Quality 5: most of brotli's gain on text at a fraction of its slowest setting's time.
        brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
        gzipAsync(identity, { level: 6 }),
      ]);
      const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
      return { etag, identity, br, gzip: gz };
    })();
    return page;
  };
}

/** The encoding to send: brotli, then gzip, if the client accepts them (`;q=0` refuses). */
export function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | 'identity' {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]?.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

/** A Yoga plugin answering a browser's GET of `endpoint` with GraphiQL (Yoga's own GraphiQL is turned off). */
export function graphiqlPlugin(options: { title: string; defaultQuery: string; endpoint: string }): Plugin {
  const page = pageOnce(options);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || !(request.headers.get('accept') ?? '').includes('text/html')) return;
      if (url.pathname !== options.endpoint && url.pathname !== `${options.endpoint}/`) return;
      return page().then((rendered) => {
        const headers: Record<string, string> = {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': CACHE_CONTROL,
          etag: rendered.etag,
          vary: 'Accept, Accept-Encoding',
        };
        if (request.headers.get('if-none-match') === rendered.etag) {
          endResponse(new fetchAPI.Response(null, { status: 304, headers }));
          return;
        }
        const encoding = pickEncoding(request.headers.get('accept-encoding'));
        if (encoding !== 'identity') headers['content-encoding'] = encoding;
        const body = rendered[encoding];
        headers['content-length'] = String(body.length);
        endResponse(new fetchAPI.Response(new Uint8Array(body), { status: 200, headers }));
      });
    },
  };
}
