import { join, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'
import { ApiError } from '../errors'

export interface StaticFilesOptions {
  /** The built web app (apps/web/dist). */
  distDir: string
}

// Vite names files under /assets/ by content hash, so they never change and can be cached for good.
const IMMUTABLE = 'public, max-age=31536000, immutable'
// Other public files (product images, favicon) keep their names across builds: cache them briefly.
const SHORT = 'public, max-age=3600'
/** Longer paths are no file of ours; the 404 handler decides what they get. */
const MAX_PATH = 1024

/**
 * The web build's files. Whatever is not a plain file of ours counts as not found, so the app's
 * 404 handler answers it (index.html for a page URL, else a JSON 404), never the static plugin's
 * own 403: dot-folders (`/.vite/manifest.json` is for bench/size.mjs, not for browsers), `//x`,
 * backslashes, NUL bytes, very long paths, directories and `/index.html` itself (index.html
 * always leaves through the page path, so every page load is treated alike).
 */
export default fp<StaticFilesOptions>(async function staticFiles(fastify, { distDir }) {
  if (!fastify.indexHtml.available)
    return
  const assetsDir = join(distDir, 'assets') + sep
  // Encapsulated, so the error handler below sees only this plugin's errors. Registered after the
  // 404 handler, which this context inherits for callNotFound.
  await fastify.register(async (files) => {
    // What `send` refuses (403 for a malformed or suspicious path, 400) is not found to us. Our own
    // errors (the 404 handler's NOT_FOUND runs in this context too) go on to the app's handler.
    files.setErrorHandler(async (err: { statusCode?: number }, _request, reply) => {
      if (!(err instanceof ApiError) && (err.statusCode === 403 || err.statusCode === 400))
        return reply.callNotFound()
      throw err
    })
    await files.register(fastifyStatic, {
      root: distDir,
      index: false,
      allowedPath: pathName => isPlainFilePath(pathName) && pathName !== '/index.html',
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(assetsDir) ? IMMUTABLE : SHORT)
      },
    })
  })
}, { name: 'static-files', dependencies: ['index-html', 'not-found'] })

/** `/a/b.js`: segments of visible names, no empty segment (`//`), no dot-folder or dotfile, no backslash or NUL. */
function isPlainFilePath(pathName: string): boolean {
  if (pathName.length > MAX_PATH || pathName.endsWith('/') || /[\\\0]/.test(pathName))
    return false
  return pathName.slice(1).split('/').every(segment => segment !== '' && !segment.startsWith('.'))
}
