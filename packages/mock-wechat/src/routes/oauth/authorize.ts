import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { answerConsent } from '../../oauth/consent'
import { currentPersona, PERSONA_COOKIE } from '../../oauth/current-persona'
import { issueCode } from '../../oauth/codes'
import { redirectBack } from '../../oauth/redirect-back'
import { isFailure, validateAuthorize } from '../../oauth/validate-authorize'
import { consentPage } from '../../pages/consent-page'
import { errorPage } from '../../pages/error-page'
import { OauthScope, TTL } from '../../state/grants'
import { newTicket } from '../../state/ids'
import { avatarUrl } from '../../state/personas'
import { personaCookie, readCookie } from '../../wechat/cookies'
import { sendPage } from '../../wechat/html-reply'
import { mockOrigin } from '../../wechat/origin'
import { wechatQuery } from '../../wechat/query-schema'

// forcePopup, forceSnapShot and connect_redirect are accepted and logged; they change nothing here.
const AuthorizeQuerySchema = wechatQuery('appid', 'redirect_uri', 'response_type', 'scope', 'state', 'forcePopup', 'forceSnapShot', 'connect_redirect')

/**
 * GET /connect/oauth2/authorize (open.weixin.qq.com). Every browser is treated as WeChat's: the real
 * one refuses other browsers (请在微信客户端打开链接), the shop's mock mode must not.
 */
const authorize: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.get('/connect/oauth2/authorize', { schema: { querystring: AuthorizeQuerySchema } }, async (request, reply) => {
    const pending = validateAuthorize(request.query, store.config)
    if (isFailure(pending))
      return sendPage(reply, errorPage(pending))

    const login = store.takeNextLogin()
    const persona = currentPersona(store, { requested: login?.openid, cookie: readCookie(request.headers.cookie, PERSONA_COOKIE) })
    reply.header('set-cookie', personaCookie(PERSONA_COOKIE, persona.openid))

    // snsapi_base is silent: straight back with a code.
    if (pending.scope === OauthScope.Base)
      return reply.redirect(redirectBack(pending.redirectUri, [['code', issueCode(store, persona, OauthScope.Base)], ['state', pending.state]]), 302)

    if (login?.consent)
      return reply.redirect(answerConsent(store, pending, persona, login.consent), 302)

    // The consent page shows every time: the mock does not remember an earlier 允许 (see README).
    const ticket = newTicket()
    store.consentTickets.set(ticket, pending, TTL.consentTicketMs)
    const origin = mockOrigin(request)
    return sendPage(reply, consentPage({
      accountName: store.config.accountName,
      ticket,
      current: persona,
      personas: store.personas.list(),
      avatarOf: p => avatarUrl(p, origin),
    }))
  })
}

export default authorize
