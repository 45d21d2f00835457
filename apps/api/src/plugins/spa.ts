import { readFile } from 'node:fs/promises'
import { join, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AUTH_TRY_COOKIE, AUTH_TRY_MAX_AGE_S, cookieOptions } from '../auth/cookies'
import { fastPathScope } from '../auth/page-fast-path'
import { notFound } from '../errors'

export interface SpaPluginOptions {
  /** The built web app (apps/web/dist). */
  distDir: string
}

// Vite names files under /assets/ by content hash, so they never change and can be cached for good.
const IMMUTABLE = 'public, max-age=31536000, immutable'
// Other public files (product images, favicon) keep their names across builds: cache them briefly.
const SHORT = 'public, max-age=3600'
// index.html names the current hashes, so the browser must revalidate it on every visit.
const NO_CACHE = 'no-cache'
// The WeChat redirect is for this request only: a cached copy would replay a used state.
const NO_STORE = 'no-store'

/**
 * Serves the built SPA and owns the app's one 404 handler: a GET for a page URL (`/product/3`,
 * `/cart`) answers index.html for the client router; anything else unmatched (unknown `/api/*`,
 * a missing file, another method) is a JSON NOT_FOUND through the error handler.
 * Without a build the API still runs, and web requests get a 503 that says what to do.
 *
 * Page fast path: a page request from WeChat without a session is answered with the redirect to
 * WeChat's authorize page instead of index.html (see auth/page-fast-path.ts for when). The SPA
 * would only load to discover there is no session and redirect itself; this way a new user loads
 * the document once, on the way back with the code.
 */
export default fp<SpaPluginOptions>(async function spa(fastify, { distDir }) {
  const { config, oauthStates, oauthStateLimit } = fastify
  // Read once: it is small and served for every page URL.
  const indexHtml = await readFile(join(distDir, 'index.html'), 'utf8').catch(() => null)
  // A hash-routed build keeps its route after `#`, which never reaches the server, and WeChat's
  // `#wechat_redirect` would replace it on the way: only the SPA knows where the user is going,
  // so it starts authorisation itself (the build marks itself, see apps/web/vite.config.ts).
  const fastPathEnabled = indexHtml !== null && !isHashRoutedBuild(indexHtml)

  if (indexHtml === null) {
    fastify.log.warn(`no web build in ${distDir}: run \`pnpm build\` to serve the shop`)
  } else {
    const assetsDir = join(distDir, 'assets') + sep
    await fastify.register(fastifyStatic, {
      root: distDir,
      // '/', any directory and '/index.html' fall through to sendIndexHtml, so every page load
      // takes the same path (and a directory never answers send's 403).
      index: false,
      allowedPath: pathName => !pathName.endsWith('/') && pathName !== '/index.html',
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(assetsDir) ? IMMUTABLE : SHORT)
      },
    })
  }

  /** The single place index.html leaves the server, unless the page fast path sends the user to WeChat first. */
  async function sendIndexHtml(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    if (indexHtml === null) {
      return reply.code(503).type('text/plain; charset=utf-8').header('cache-control', NO_CACHE)
        .send(`The web app is not built yet: run \`pnpm build\` (looked for ${join(distDir, 'index.html')}).\n`)
    }
    const scope = fastPathEnabled ? fastPathScope(request, config.wechat.mode) : null
    // over the address's budget for new OAuth states, the SPA is served and asks for itself
    if (scope !== null && await request.getSession() === null && (await oauthStateLimit.check(request)).allowed) {
      const url = await oauthStates.begin(request, reply, { scope, returnTo: request.url })
      reply.setCookie(AUTH_TRY_COOKIE, '1', cookieOptions(config.publicUrl, AUTH_TRY_MAX_AGE_S, false))
      return reply.header('cache-control', NO_STORE).redirect(url, 302)
    }
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', NO_CACHE).send(indexHtml)
  }

  fastify.setNotFoundHandler(async (request, reply) => {
    if (isPageRequest(request) || (indexHtml === null && isWebRequest(request)))
      return sendIndexHtml(request, reply)
    throw notFound(`${request.method} ${pathOf(request)} not found`)
  })
}, { name: 'spa', dependencies: ['error-handler', 'session', 'oauth-state', 'rate-limit'] })

function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? '/'
}

/** A GET or HEAD outside the API. */
function isWebRequest(request: FastifyRequest): boolean {
  const path = pathOf(request)
  return (request.method === 'GET' || request.method === 'HEAD') && path !== '/api' && !path.startsWith('/api/')
}

/** A web request for a client-side route: not a file (no extension, not under /assets/). */
function isPageRequest(request: FastifyRequest): boolean {
  const path = pathOf(request)
  const lastSegment = path.slice(path.lastIndexOf('/') + 1)
  return isWebRequest(request) && !path.startsWith('/assets/') && (!lastSegment.includes('.') || path === '/index.html')
}

/** The hash-mode build carries `<meta name="wxshop-router" content="hash">`. */
export function isHashRoutedBuild(indexHtml: string): boolean {
  return /<meta\s+name="wxshop-router"\s+content="hash"\s*\/?>/.test(indexHtml)
}
