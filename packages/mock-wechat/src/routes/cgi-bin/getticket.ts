import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { checkAccessToken } from '../../credentials/access-tokens'
import { fetchTicket } from '../../credentials/tickets'
import { TicketType } from '../../state/server-credentials'
import { cgiAnswer } from '../../wechat/cgi-answer'
import { wechatQuery } from '../../wechat/query-schema'

const GetticketQuerySchema = wechatQuery('access_token', 'type')
const ticketTypes = new Set<string>(Object.values(TicketType))

/** GET /cgi-bin/ticket/getticket?type=jsapi|wx_card: the account's ticket of that type (tickets.ts). */
const getticket: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.get('/cgi-bin/ticket/getticket', { schema: { querystring: GetticketQuerySchema } }, async (request, reply) => {
    const { access_token: token, type } = request.query
    const { ok, fail } = cgiAnswer(reply, store.now)
    const grant = checkAccessToken(store, token)
    if (typeof grant === 'number')
      return fail(grant)
    if (type === undefined || !ticketTypes.has(type))
      return fail(40097)
    const { ticket, expiresIn } = fetchTicket(store, type as TicketType, token!)
    return ok({ errcode: 0, errmsg: 'ok', ticket, expires_in: expiresIn })
  })
}

export default getticket
