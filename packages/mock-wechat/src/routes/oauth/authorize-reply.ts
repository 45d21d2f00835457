import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { answerConsent } from '../../oauth/consent'
import { currentPersona, PERSONA_COOKIE } from '../../oauth/current-persona'
import { errorPage } from '../../pages/error-page'
import { personaCookie, readCookie } from '../../wechat/cookies'
import { sendPage } from '../../wechat/html-reply'

const AuthorizeReplyBodySchema = Type.Object({
  ticket: Type.String(),
  action: Type.Union([Type.Literal('allow'), Type.Literal('deny'), Type.Literal('snapshot')]),
  /** An openid from the 切换用户 list, or `new`; absent means the current user. */
  persona: Type.Optional(Type.String()),
})

/** POST /connect/oauth2/authorize_reply: the consent page's form. Each page can be answered once. */
const authorizeReply: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.post('/connect/oauth2/authorize_reply', { schema: { body: AuthorizeReplyBodySchema } }, async (request, reply) => {
    const { ticket, action, persona: chosen } = request.body
    const entry = store.consentTickets.get(ticket)
    if (!entry || !store.consentTickets.isLive(entry))
      return sendPage(reply, errorPage({ message: '页面已失效，请返回重新进入', hint: '这个授权页已经答复过，或已打开超过 30 分钟' }))
    store.consentTickets.delete(ticket)

    const persona = chosen === 'new'
      ? store.personas.create()
      : currentPersona(store, { requested: chosen, cookie: readCookie(request.headers.cookie, PERSONA_COOKIE) })
    reply.header('set-cookie', personaCookie(PERSONA_COOKIE, persona.openid))
    return reply.redirect(answerConsent(store, entry.value, persona, action), 302)
  })
}

export default authorizeReply
