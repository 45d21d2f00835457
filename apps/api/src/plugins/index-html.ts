import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FastifyReply } from 'fastify'
import fp from 'fastify-plugin'

export interface IndexHtml {
  /** false when there is no web build: pages then answer 503 with what to do */
  readonly available: boolean
  /** the hash-routed build: page routes never reach the server */
  readonly hashRouted: boolean
  /**
   * Adds a tag (e.g. the mock WeChat's bridge `<script src>`) to every index.html served, before
   * `</head>`: a classic script there runs before the SPA's deferred module script. Call it while
   * the app is being built (in a plugin), not from a request.
   */
  inject: (tag: string) => void
  /** Sends index.html (200, revalidated on every visit), or the 503 that says to build the web app. */
  send: (reply: FastifyReply) => FastifyReply
}

declare module 'fastify' {
  interface FastifyInstance {
    indexHtml: IndexHtml
  }
}

export interface IndexHtmlOptions {
  /** The built web app (apps/web/dist). */
  distDir: string
}

// index.html names the current asset hashes, so the browser must revalidate it on every visit.
const NO_CACHE = 'no-cache'

/** The built SPA's index.html: read once (it is small and served for every page URL). */
export default fp<IndexHtmlOptions>(async function indexHtml(fastify, { distDir }) {
  const file = join(distDir, 'index.html')
  let html = await readFile(file, 'utf8').catch(() => null)
  let served = false
  if (html === null)
    fastify.log.warn(`no web build in ${distDir}: run \`pnpm build\` to serve the shop`)

  fastify.decorate('indexHtml', {
    available: html !== null,
    // A hash-routed build keeps its route after `#`, which never reaches the server (see
    // apps/web/vite.config.ts: the build marks itself).
    hashRouted: html !== null && isHashRoutedBuild(html),
    inject(tag) {
      if (served)
        throw new Error('indexHtml.inject must be called while the app is built, before a page is served')
      if (html !== null)
        html = html.includes('</head>') ? html.replace('</head>', `${tag}</head>`) : `${tag}${html}`
    },
    send(reply) {
      served = true
      if (html === null) {
        return reply.code(503).type('text/plain; charset=utf-8').header('cache-control', NO_CACHE)
          .send(`The web app is not built yet: run \`pnpm build\` (looked for ${file}).\n`)
      }
      return reply.code(200).type('text/html; charset=utf-8').header('cache-control', NO_CACHE).send(html)
    },
  } satisfies IndexHtml)
}, { name: 'index-html' })

/** The hash-mode build carries `<meta name="wxshop-router" content="hash">`. */
export function isHashRoutedBuild(indexHtml: string): boolean {
  return /<meta\s+name="wxshop-router"\s+content="hash"\s*\/?>/.test(indexHtml)
}
