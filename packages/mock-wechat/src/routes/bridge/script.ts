import { readFileSync } from 'node:fs'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type WechatClient, wechatClientOf } from '@wxshop/shared'

// The browser parts, in this order, share one function scope: overlays.js defines the overlays
// and their helpers, sheets.js WeChat's sheets (pay, addresses, alert) on those helpers, both used
// by bridge.js, which defines startBridge().
const parts = ['overlays.js', 'sheets.js', 'bridge.js'].map(name => readFileSync(new URL(`../../bridge/${name}`, import.meta.url), 'utf8'))

/**
 * The in-page client for one kind of phone. The client is decided here, from the request's user
 * agent by the shop's own rule (`wechatClientOf`), and written into the script: the script never
 * reads the user agent itself, so there is one home for telling WeChat clients apart.
 */
export function bridgeScript(client: WechatClient): string {
  return [
    '(function () {',
    '\'use strict\'',
    `const CLIENT = ${JSON.stringify(client)}`,
    ...parts,
    // loaded twice: the first copy serves
    'if (!(\'__mockWechat\' in window))',
    '  startBridge()',
    '})()',
    '',
  ].join('\n')
}

/**
 * GET /bridge.js: the in-page client, a classic script the shop's page loads from the mock's origin.
 * It differs by user agent (Vary), and is never cached, so a page always runs the mock it talks to;
 * CORP lets a cross-origin-isolated page load it.
 */
const script: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/bridge.js', async (request, reply) => {
    return reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'User-Agent, Origin')
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(bridgeScript(wechatClientOf(request.headers['user-agent'])))
  })
}

export default script
