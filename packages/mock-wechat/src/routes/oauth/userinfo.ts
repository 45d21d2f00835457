import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { parseLang } from '../../oauth/regions'
import { checkUserToken } from '../../oauth/user-tokens'
import { userinfoBody } from '../../oauth/userinfo-body'
import { OauthScope } from '../../state/grants'
import { mockOrigin } from '../../wechat/origin'
import { wechatQuery } from '../../wechat/query-schema'
import { snsAnswer } from '../../wechat/sns-answer'

const UserinfoQuerySchema = wechatQuery('access_token', 'openid', 'lang')

/** GET /sns/userinfo: the profile, only for a snsapi_userinfo token (48001 otherwise). */
const userinfo: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.get('/sns/userinfo', { schema: { querystring: UserinfoQuerySchema } }, async (request, reply) => {
    const { access_token: token, openid, lang } = request.query
    const { ok, fail } = snsAnswer(reply, store.now)
    const grant = checkUserToken(store, token, openid)
    if (typeof grant === 'number')
      return fail(grant)
    if (grant.scope !== OauthScope.Userinfo)
      return fail(48001)
    const persona = store.personas.get(grant.openid)
    if (!persona)
      return fail(40003)
    return ok(userinfoBody(persona, { lang: parseLang(lang), mode: store.config.userinfoRegion, mockOrigin: mockOrigin(request) }))
  })
}

export default userinfo
