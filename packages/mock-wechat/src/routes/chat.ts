import { readFileSync } from 'node:fs'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ChatSendSchema, pushFieldsOf } from '../chat/chat-push'
import { messagesTo } from '../chat/chat-messages'
import { CHAT_CSP, chatPage } from '../chat/chat-page'
import { accountAvatarSvg } from '../pages/avatar-svg'
import { controlGuard } from '../hooks/control-guard'
import { plaintextOfFields } from '../push/push-input'
import { sendPush } from '../push/send-push'
import { ControlErrorSchema, SentMessageSchema } from '../schemas/control'
import { mockOrigin } from '../wechat/origin'

const script = readFileSync(new URL('../chat/chat.js', import.meta.url), 'utf8')
// what WeChat made of the app's answer: a passive reply to show, a problem (该公众号暂时无法提供服务), or neither
const ChatSentSchema = Type.Object({
  delivered: Type.Boolean(),
  reply: Type.Optional(Type.Object({ type: Type.String() }, { additionalProperties: true })),
  problem: Type.Optional(Type.String()),
})
const OpenidQuerySchema = Type.Object({ openid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) }, { additionalProperties: false })

/**
 * GET /chat: a WeChat conversation with the account for people on `pnpm dev`, and the page's own
 * JSON calls under /chat/api. Those push to the app and read what it sent, so they keep the control
 * API's guard: only the mock's own page (or a tool) may use them.
 */
const chatRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.get('/chat', {
    schema: { querystring: Type.Object({ openid: Type.Optional(OpenidQuerySchema.properties.openid) }) },
  }, async (request, reply) => {
    const { openid } = request.query
    const known = openid === undefined ? undefined : store.personas.get(openid)
    const persona = openid === undefined ? null : { openid, nickname: known?.nickname ?? '', subscribe: known?.subscribe ?? 0 }
    const html = chatPage({
      accountName: store.config.accountName,
      accountAvatar: `data:image/svg+xml;base64,${Buffer.from(accountAvatarSvg(store.config.accountName, 40)).toString('base64')}`,
      persona, menu: store.menus.current() ?? null })
    return reply.type('text/html; charset=utf-8').header('content-security-policy', CHAT_CSP).header('cache-control', 'no-store').send(html)
  })

  fastify.get('/chat/chat.js', async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script))

  await fastify.register(chatApi)
}

/** The page's JSON calls, behind the control API's guard. */
const chatApi: FastifyPluginAsyncTypebox = async (api) => {
  const { store } = api
  api.addHook('onRequest', controlGuard)

  // a new WeChat user who has opened the account's profile but not followed it yet
  api.post('/chat/api/persona', {
    schema: { body: Type.Object({}, { additionalProperties: false }), response: { 200: Type.Object({ openid: Type.String(), nickname: Type.String() }) } },
  }, async () => {
    const persona = store.personas.create(undefined, { subscribe: 0 })
    return { openid: persona.openid, nickname: persona.nickname }
  })

  api.post('/chat/api/send', {
    schema: { body: ChatSendSchema, response: { 200: ChatSentSchema, 400: ControlErrorSchema, 409: ControlErrorSchema } },
  }, async (request, reply) => {
    const send = request.body
    const persona = store.personas.get(send.openid)
    // only a follower has a conversation to type in or a menu to tap (a stranger becomes one on push)
    if (persona?.subscribe === 0 && send.kind !== 'subscribe')
      return reply.code(409).send({ error: { code: 'NOT_FOLLOWING', message: `${send.openid} does not follow the account: send kind subscribe first` } })
    const plaintext = plaintextOfFields(pushFieldsOf(send, mockOrigin(request)), { originalId: store.config.originalId, now: store.now() })
    const result = await sendPush(store, plaintext, { mode: store.config.messageMode, timeoutMs: api.pushTimeoutMs })
    const problem = !result.delivered ? result.tries.at(-1)?.error ?? 'no answer' : result.answer?.problem
    return { delivered: result.delivered, ...(result.answer?.reply ? { reply: result.answer.reply } : {}), ...(problem ? { problem } : {}) }
  })

  api.get('/chat/api/messages', {
    schema: { querystring: OpenidQuerySchema, response: { 200: Type.Object({ messages: Type.Array(SentMessageSchema) }) } },
  }, async request => ({ messages: messagesTo(store.sentMessages.list(), request.query.openid) }))
}

export default chatRoutes
