import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { checkClientCredential } from '../../credentials/client-credential'
import { whitelistRefusal } from '../../credentials/ip-whitelist'
import { stableToken } from '../../credentials/stable-token'
import { cgiAnswer } from '../../wechat/cgi-answer'

type Parsed = { fields: Record<string, unknown> } | 44002 | 47001

/**
 * Reads the body as WeChat does, whatever its content type ("仅支持 POST JSON"): empty → 44002,
 * not a JSON object → 47001. A form body is not JSON, so it fails too.
 */
function parseBody(raw: string): Parsed {
  if (raw.trim() === '')
    return 44002
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { fields: value as Record<string, unknown> } : 47001
  } catch {
    return 47001
  }
}

const optionalString = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string'

/** POST /cgi-bin/stable_token: the current stable token, or a new one (force_refresh, limited). */
const stableTokenRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  // The body is read here, never by Fastify: bad JSON must get WeChat's 47001 with HTTP 200, not a 400.
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))

  fastify.post('/cgi-bin/stable_token', async (request, reply) => {
    const { ok, fail } = cgiAnswer(reply, store.now)
    const parsed = parseBody(typeof request.body === 'string' ? request.body : '')
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
