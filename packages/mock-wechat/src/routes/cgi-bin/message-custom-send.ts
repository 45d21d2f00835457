import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { checkCustomMessage } from '../../custom-messages/validate-custom-message'
import { cgiAnswer } from '../../wechat/cgi-answer'
import { readBodiesAsText, tokenAndJsonBody } from '../../wechat/json-body'
import { wechatQuery } from '../../wechat/query-schema'

const TokenQuerySchema = wechatQuery('access_token')

/**
 * POST /cgi-bin/message/custom/send: a customer-service message to one follower within the window
 * their last interaction opened (state/interactions.ts: 5 in 48 hours after a message, 3 in a minute
 * after an event). Accepted messages are kept for `GET /__control/messages`.
 */
const messageCustomSend: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  // bad JSON must get WeChat's errcode with HTTP 200, not Fastify's 400
  readBodiesAsText(fastify)

  fastify.post('/cgi-bin/message/custom/send', { schema: { querystring: TokenQuerySchema } }, async (request, reply) => {
    const { ok, fail } = cgiAnswer(reply, store.now)
    const parsed = tokenAndJsonBody(store, request.query.access_token, request.body)
    if (typeof parsed === 'number')
      return fail(parsed)
    const body = parsed.fields
    const { touser, msgtype } = body
    const persona = typeof touser === 'string' ? store.personas.get(touser) : undefined
    if (!persona)
      return fail(40003)
    const refused = checkCustomMessage(body)
    if (refused)
      return fail(refused)
    // "response out of time limit or subscription is canceled": not following, or no window open
    if (persona.subscribe !== 1)
      return fail(45015)
    const spent = store.interactions.spend(persona.openid, store.now())
    if (spent !== 'ok')
      return fail(spent === 'closed' ? 45015 : 45047)
    store.sentMessages.add({ kind: 'custom', touser: persona.openid, msgtype: msgtype as string, body, at: new Date(store.now()).toISOString() })
    return ok({ errcode: 0, errmsg: 'ok' })
  })

  fastify.get('/cgi-bin/message/custom/send', async (_request, reply) => cgiAnswer(reply, store.now).fail(43002))
}

export default messageCustomSend
