import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { issueAccessToken } from '../../credentials/access-tokens'
import { checkClientCredential } from '../../credentials/client-credential'
import { whitelistRefusal } from '../../credentials/ip-whitelist'
import { TokenSource } from '../../state/server-credentials'
import { cgiAnswer } from '../../wechat/cgi-answer'
import { wechatQuery } from '../../wechat/query-schema'

const TokenQuerySchema = wechatQuery('grant_type', 'appid', 'secret')

/** GET /cgi-bin/token: a new global access_token on every call; the previous one keeps 5 minutes. */
const token: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.get('/cgi-bin/token', { schema: { querystring: TokenQuerySchema } }, async (request, reply) => {
    const { ok, fail } = cgiAnswer(reply, store.now)
    const refused = checkClientCredential(store.config, request.query)
    if (refused)
      return fail(refused)
    const notListed = whitelistRefusal(store.config, request.ip)
    if (notListed)
      return fail(40164, notListed)
    const issued = issueAccessToken(store, TokenSource.Token)
    return ok({ access_token: issued.token, expires_in: issued.expiresIn })
  })
}

export default token
