import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { notFound } from '../errors'

/**
 * The app's one 404 handler: a GET or HEAD for a page URL (`/product/3`, `/cart`) gets the page
 * (the client router shows it); anything else unmatched (unknown `/api/*`, a missing or refused
 * file, another method) is a JSON NOT_FOUND through the error handler. Without a web build every
 * web request gets the page's 503 that says what to do.
 */
export default fp(async function notFoundHandler(fastify) {
  const { indexHtml } = fastify
  fastify.setNotFoundHandler(async (request, reply) => {
    if (isPageRequest(request) || (!indexHtml.available && isWebRequest(request)))
      return fastify.sendPage(request, reply)
    throw notFound(`${request.method} ${pathOf(request)} not found`)
  })
}, { name: 'not-found', dependencies: ['error-handler', 'index-html', 'pages'] })

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
