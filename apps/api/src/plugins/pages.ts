import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AUTH_TRY_COOKIE, AUTH_TRY_MAX_AGE_S, cookieOptions } from '../auth/cookies'
import { fastPathScope } from '../auth/page-fast-path'

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers a page URL (`/product/3`): WeChat's authorize page at once (fast path) or index.html. */
    sendPage: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>
  }
}

// The WeChat redirect is for this request only: a cached copy would replay a used state.
const NO_STORE = 'no-store'

/**
 * Page fast path: a page request from WeChat without a session is answered with the redirect to
 * WeChat's authorize page instead of index.html (see auth/page-fast-path.ts for when). The SPA
 * would only load to discover there is no session and redirect itself; this way a new user loads
 * the document once, on the way back with the code.
 *
 * The fast path is an optimisation, so when it cannot decide (the session lookup or the state
 * insert fails) it logs a warning and serves index.html: the SPA then finds its own way, instead
 * of the user getting a raw error as the page.
 */
export default fp(async function pages(fastify) {
  const { config, indexHtml, oauthStates, oauthStateLimit } = fastify
  // A hash-routed build's route never reaches the server, and WeChat's `#wechat_redirect` would
  // replace it on the way: only the SPA knows where the user is going.
  const fastPathEnabled = indexHtml.available && !indexHtml.hashRouted

  async function redirectToWechat(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    const scope = fastPathEnabled ? fastPathScope(request, config.wechat.mode) : null
    if (scope === null || await request.getSession() !== null)
      return null
    // over the address's budget for new OAuth states, the SPA is served and asks for itself
    if (!(await oauthStateLimit.check(request)).allowed)
      return null
    const url = await oauthStates.begin(request, reply, { scope, returnTo: request.url })
    reply.setCookie(AUTH_TRY_COOKIE, '1', cookieOptions(config.publicUrl, AUTH_TRY_MAX_AGE_S, false))
    return url
  }

  fastify.decorate('sendPage', async (request: FastifyRequest, reply: FastifyReply) => {
    let url: string | null = null
    try {
      url = await redirectToWechat(request, reply)
    } catch (err) {
      request.log.warn({ err }, 'page fast path failed: serving index.html instead')
    }
    if (url !== null)
      return reply.header('cache-control', NO_STORE).redirect(url, 302)
    return indexHtml.send(reply)
  })
}, { name: 'pages', dependencies: ['index-html', 'session', 'oauth-state', 'rate-limit'] })
