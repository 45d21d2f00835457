import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { checkAccessToken } from '../../credentials/access-tokens'
import { userInfoBody } from '../../credentials/user-info-body'
import { cgiAnswer } from '../../wechat/cgi-answer'
import { wechatQuery } from '../../wechat/query-schema'

const UserInfoQuerySchema = wechatQuery('access_token', 'openid', 'lang')

/** GET /cgi-bin/user/info: whether a user follows the account, and the fields WeChat still answers. */
const userInfo: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.get('/cgi-bin/user/info', { schema: { querystring: UserInfoQuerySchema } }, async (request, reply) => {
    const { access_token: token, openid } = request.query
    const { ok, fail } = cgiAnswer(reply, store.now)
    const grant = checkAccessToken(store, token)
    if (typeof grant === 'number')
      return fail(grant)
    // Any openid this account never saw is "invalid openid", a missing one too.
    const persona = openid ? store.personas.get(openid) : undefined
    if (!persona)
      return fail(40003)
    return ok(userInfoBody(persona))
  })
}

export default userInfo
