import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { TTL } from '../../state/grants'
import { refreshUserToken } from '../../oauth/user-tokens'
import { wechatQuery } from '../../wechat/query-schema'
import { snsAnswer } from '../../wechat/sns-answer'

const RefreshTokenQuerySchema = wechatQuery('appid', 'grant_type', 'refresh_token')

/** GET /sns/oauth2/refresh_token: no secret needed, as in WeChat; the refresh_token lives 30 days. */
const refreshToken: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.get('/sns/oauth2/refresh_token', { schema: { querystring: RefreshTokenQuerySchema } }, async (request, reply) => {
    const { appid, grant_type: grantType, refresh_token: token } = request.query
    const { ok, fail } = snsAnswer(reply, store.now)
    if (!appid)
      return fail(41002)
    if (appid !== store.config.appId)
      return fail(40013)
    if (grantType !== 'refresh_token')
      return fail(40002)
    if (!token)
      return fail(41003)
    const refreshed = refreshUserToken(store, token)
    if (typeof refreshed === 'number')
      return fail(refreshed)
    return ok({
      access_token: refreshed.accessToken,
      expires_in: TTL.accessTokenSeconds,
      refresh_token: token,
      openid: refreshed.grant.openid,
      scope: refreshed.grant.scope,
    })
  })
}

export default refreshToken
