import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { checkUserToken } from '../../oauth/user-tokens'
import { wechatQuery } from '../../wechat/query-schema'
import { snsAnswer } from '../../wechat/sns-answer'

const SnsAuthQuerySchema = wechatQuery('access_token', 'openid')

/** GET /sns/auth: whether a user access_token is still valid for that openid. */
const snsAuth: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.get('/sns/auth', { schema: { querystring: SnsAuthQuerySchema } }, async (request, reply) => {
    const { access_token: token, openid } = request.query
    const { ok, fail } = snsAnswer(reply, store.now)
    const grant = checkUserToken(store, token, openid)
    if (typeof grant === 'number')
      return fail(grant)
    // Success carries no rid.
    return ok({ errcode: 0, errmsg: 'ok' })
  })
}

export default snsAuth
