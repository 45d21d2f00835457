import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { redeemCode } from '../../oauth/codes'
import { issueUserTokens, tokenBody } from '../../oauth/user-tokens'
import { wechatQuery } from '../../wechat/query-schema'
import { snsAnswer } from '../../wechat/sns-answer'

const AccessTokenQuerySchema = wechatQuery('appid', 'secret', 'code', 'grant_type')

/** GET /sns/oauth2/access_token: a code, once and within 5 minutes, for the user's tokens. */
const accessToken: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  const { appId, appSecret } = store.config

  fastify.get('/sns/oauth2/access_token', { schema: { querystring: AccessTokenQuerySchema } }, async (request, reply) => {
    const { appid, secret, code, grant_type: grantType } = request.query
    const { ok, fail } = snsAnswer(reply, store.now)
    if (!appid)
      return fail(41002)
    if (appid !== appId)
      return fail(40013)
    if (!secret)
      return fail(41004)
    if (secret !== appSecret)
      return fail(40125)
    if (!code)
      return fail(41008)
    if (grantType !== 'authorization_code')
      return fail(40002)
    const grant = redeemCode(store, code)
    if (typeof grant === 'number')
      return fail(grant)
    return ok(tokenBody(store, grant, issueUserTokens(store, grant)))
  })
}

export default accessToken
