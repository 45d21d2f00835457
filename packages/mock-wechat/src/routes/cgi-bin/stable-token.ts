import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { checkClientCredential } from '../../credentials/client-credential'
import { whitelistRefusal } from '../../credentials/ip-whitelist'
import { stableToken } from '../../credentials/stable-token'
import { cgiAnswer } from '../../wechat/cgi-answer'
import { parseJsonBody, readBodiesAsText } from '../../wechat/json-body'

const optionalString = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string'

/** POST /cgi-bin/stable_token: the current stable token, or a new one (force_refresh, limited). */
const stableTokenRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  // The body is read here, never by Fastify: bad JSON must get WeChat's 47001 with HTTP 200, not a 400.
  readBodiesAsText(fastify)

  fastify.post('/cgi-bin/stable_token', async (request, reply) => {
    const { ok, fail } = cgiAnswer(reply, store.now)
    const parsed = parseJsonBody(request.body)
    if (typeof parsed === 'number')
      return fail(parsed)
    const { grant_type, appid, secret, force_refresh: forceRefresh } = parsed.fields
    if (!optionalString(grant_type) || !optionalString(appid) || !optionalString(secret) || !(forceRefresh === undefined || typeof forceRefresh === 'boolean'))
      return fail(47001)
    const refused = checkClientCredential(store.config, { grant_type, appid, secret })
    if (refused)
      return fail(refused)
    const notListed = whitelistRefusal(store.config, request.ip)
    if (notListed)
      return fail(40164, notListed)
    const issued = stableToken(store, forceRefresh === true)
    if (typeof issued === 'number')
      return fail(issued)
    return ok({ access_token: issued.token, expires_in: issued.expiresIn })
  })

  // Only POST is served: a GET (or a client that forgot the method) gets WeChat's 43002.
  fastify.get('/cgi-bin/stable_token', async (_request, reply) => cgiAnswer(reply, store.now).fail(43002))
}

export default stableTokenRoute
