import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { checkAccessToken } from '../../credentials/access-tokens'
import { hasUnicodeEscape, validateMenu } from '../../menu/validate-menu'
import { cgiAnswer } from '../../wechat/cgi-answer'
import { readBodiesAsText, tokenAndJsonBody } from '../../wechat/json-body'
import { wechatQuery } from '../../wechat/query-schema'

const TokenQuerySchema = wechatQuery('access_token')

/**
 * The custom menu: POST /cgi-bin/menu/create (validate-menu.ts), GET /cgi-bin/menu/get (the menu,
 * or 46003 when there is none), GET /cgi-bin/menu/delete. Each takes the global access_token.
 */
const menu: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  // bad JSON must get WeChat's errcode with HTTP 200, not Fastify's 400
  readBodiesAsText(fastify)

  fastify.post('/cgi-bin/menu/create', { schema: { querystring: TokenQuerySchema } }, async (request, reply) => {
    const { ok, fail } = cgiAnswer(reply, store.now)
    const parsed = tokenAndJsonBody(store, request.query.access_token, request.body)
    if (typeof parsed === 'number')
      return fail(parsed)
    if (hasUnicodeEscape(request.body as string))
      return fail(40033)
    const created = validateMenu(parsed.fields)
    if (typeof created === 'number')
      return fail(created)
    store.menus.set(created)
    return ok({ errcode: 0, errmsg: 'ok' })
  })

  fastify.get('/cgi-bin/menu/create', async (_request, reply) => cgiAnswer(reply, store.now).fail(43002))

  fastify.get('/cgi-bin/menu/get', { schema: { querystring: TokenQuerySchema } }, async (request, reply) => {
    const { ok, fail } = cgiAnswer(reply, store.now)
    const grant = checkAccessToken(store, request.query.access_token)
    if (typeof grant === 'number')
      return fail(grant)
    const current = store.menus.current()
    return current ? ok({ menu: current }) : fail(46003)
  })

  fastify.get('/cgi-bin/menu/delete', { schema: { querystring: TokenQuerySchema } }, async (request, reply) => {
    const { ok, fail } = cgiAnswer(reply, store.now)
    const grant = checkAccessToken(store, request.query.access_token)
    if (typeof grant === 'number')
      return fail(grant)
    // WeChat answers ok whether or not there was a menu
    store.menus.clear()
    return ok({ errcode: 0, errmsg: 'ok' })
  })
}

export default menu
