import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { MOCK_TEMPLATES, templateDataIssue } from '../../templates/order-paid'
import { cgiAnswer } from '../../wechat/cgi-answer'
import { readBodiesAsText, tokenAndJsonBody } from '../../wechat/json-body'
import { wechatQuery } from '../../wechat/query-schema'

const TokenQuerySchema = wechatQuery('access_token')

// WeChat's msgids are numbers that only grow (e.g. 200228332); a module counter is unique per process
let lastMsgid = 2_002_283_320

/**
 * POST /cgi-bin/message/template/send: a template message to one user of the account. The token
 * and body as every cgi-bin POST, then 40003 for an unknown openid, 40037 for a template the account
 * has not added, 43004 "require subscribe" for a user who does not follow the account (WeChat's
 * community staff: "43004需要接收者关注"), 47001 for a malformed data. Kept for `GET /__control/messages`.
 */
const templateSend: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  readBodiesAsText(fastify)

  fastify.post('/cgi-bin/message/template/send', { schema: { querystring: TokenQuerySchema } }, async (request, reply) => {
    const { ok, fail } = cgiAnswer(reply, store.now)
    const parsed = tokenAndJsonBody(store, request.query.access_token, request.body)
    if (typeof parsed === 'number')
      return fail(parsed)
    const body = parsed.fields
    const { touser, template_id: templateId, url, data } = body
    const persona = typeof touser === 'string' ? store.personas.get(touser) : undefined
    if (!persona)
      return fail(40003, 'invalid openid')
    if (typeof templateId !== 'string' || !Object.hasOwn(MOCK_TEMPLATES, templateId))
      return fail(40037, 'invalid template_id')
    if ((url !== undefined && typeof url !== 'string') || templateDataIssue(data))
      return fail(47001)
    if (persona.subscribe !== 1)
      return fail(43004, 'require subscribe')
    lastMsgid += 1
    store.sentMessages.add({ kind: 'template', touser: persona.openid, msgtype: 'template', body, at: new Date(store.now()).toISOString() })
    return ok({ errcode: 0, errmsg: 'ok', msgid: lastMsgid })
  })

  fastify.get('/cgi-bin/message/template/send', async (_request, reply) => cgiAnswer(reply, store.now).fail(43002))
}

export default templateSend
