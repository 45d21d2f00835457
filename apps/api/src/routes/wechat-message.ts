import { ErrorCode } from '@wxshop/shared'
import { sealReply, SUCCESS_ANSWER } from '@wxshop/shared/wechat-message'
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify'
import { ApiError } from '../errors'
import { createMessageDispatcher } from '../wechat/message/dispatcher'
import { createGroupCommitMessages } from '../wechat/message/group-commit'
import { assertSignedQuery, messageAccount, openPush, PushRefusedError, type PushQuery } from '../wechat/message/open-push'
import { BODY_LIMIT_BYTES, DEFAULT_DEADLINE_MS, type WechatMessageOptions } from '../wechat/message/options'
import { createShopAnswer } from '../wechat/message/replies/answer'
import { createOrderStatusReply } from '../wechat/message/replies/order-status'
import { REPLY_RULES } from '../wechat/message/replies/rules'

const CUSTOM_SEND = '/cgi-bin/message/custom/send'

/**
 * GET|POST /api/wechat/message: the Official Account's server URL (服务器配置). GET proves the URL is
 * ours (echostr); POST carries every message and event. Refusals say nothing about the request.
 */
const wechatMessageRoutes: FastifyPluginAsync<WechatMessageOptions> = async (fastify, options) => {
  const { wechat, publicUrl, shopName } = fastify.config
  const token = wechat.token
  if (token === null)
    fastify.log.error('WECHAT_TOKEN is not set: /api/wechat/message answers 503 until the Official Account\'s server configuration (Token, EncodingAESKey) is in the environment')

  const handler = createShopAnswer({
    products: fastify.productRepository,
    publicUrl,
    shopName,
    orderStatusReply: createOrderStatusReply({ db: fastify.db, publicUrl, rules: REPLY_RULES }),
  })
  const dispatcher = createMessageDispatcher({
    // the pushes' writes share transactions under load (group-commit.ts): stored before answered, fewer disk waits
    messages: createGroupCommitMessages(fastify.repositories.wechatMessages, fastify.inTransaction),
    handler: options.wrapHandler ? options.wrapHandler(handler) : handler,
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    pollMs: options.pollMs,
    sendCustom: (message, log) => fastify.wechatApi.post(CUSTOM_SEND, message, { log, caller: 'wechat message: late reply' }),
  })
  fastify.addHook('onClose', async () => dispatcher.drain())

  // this plugin's own parser: the raw text, because safe mode's signature and our XML checks need it as sent
  fastify.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body))

  function configuredToken(): string {
    if (token === null)
      throw new ApiError(503, ErrorCode.Internal, 'message push is not configured')
    return token
  }

  function refuse(err: unknown, log: FastifyBaseLogger): never {
    if (err instanceof PushRefusedError) {
      if (err.status === 503)
        log.error({ wechatMessage: { reason: err.reason } }, 'push refused: the server configuration is incomplete')
      else
        log.warn({ wechatMessage: { reason: err.reason } }, 'push refused')
      const message = err.status === 403 ? 'forbidden' : err.status === 400 ? 'not a WeChat push' : 'message push is not configured'
      throw new ApiError(err.status, err.status === 403 ? ErrorCode.Forbidden : err.status === 400 ? ErrorCode.Validation : ErrorCode.Internal, message)
    }
    throw err
  }

  fastify.get<{ Querystring: PushQuery & { echostr?: unknown } }>('/', async (request, reply) => {
    const configured = configuredToken()
    try {
      assertSignedQuery(configured, request.query, Date.now())
    } catch (err) {
      refuse(err, request.log)
    }
    const { echostr } = request.query
    if (typeof echostr !== 'string' || echostr === '')
      refuse(new PushRefusedError(400, 'no echostr'), request.log)
    return reply.type('text/plain; charset=utf-8').send(echostr)
  })

  fastify.post<{ Querystring: PushQuery, Body: string }>('/', { bodyLimit: BODY_LIMIT_BYTES }, async (request, reply) => {
    const account = { token: configuredToken(), encodingAesKey: wechat.encodingAesKey, appId: wechat.appId, messageMode: wechat.messageMode }
    if (typeof request.body !== 'string')
      refuse(new PushRefusedError(400, 'the body is not XML'), request.log)
    let opened
    try {
      opened = openPush(account, request.query, request.body, Date.now())
    } catch (err) {
      refuse(err, request.log)
    }
    const answer = await dispatcher.answer(opened.message, opened.fields, request.log)
    if (answer.xml === null)
      return reply.type('text/plain; charset=utf-8').send(SUCCESS_ANSWER)
    if (opened.mode === 'plaintext')
      return reply.type('application/xml; charset=utf-8').send(answer.xml)
    // compatible mode: WeChat takes a plaintext or an encrypted reply (its encryption guide); we encrypt, as in safe mode
    const sealed = sealReply(answer.xml, messageAccount(account), { timestamp: String(Math.floor(Date.now() / 1000)) })
    return reply.type('application/xml; charset=utf-8').send(sealed)
  })
}

export default wechatMessageRoutes
