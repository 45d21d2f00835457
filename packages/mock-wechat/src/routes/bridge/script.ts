import { readFileSync } from 'node:fs'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

const source = readFileSync(new URL('../../bridge/bridge.js', import.meta.url), 'utf8')

/**
 * GET /bridge.js: the in-page client, a classic script the shop's page loads from the mock's origin.
 * Never cached, so a page always runs the mock it talks to; CORP lets a cross-origin-isolated page load it.
 */
const script: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/bridge.js', async (_request, reply) => {
    return reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(source)
  })
}

export default script
