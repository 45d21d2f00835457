import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger } from 'fastify'
import { ApiErrorBodySchema, ErrorCode, JssdkConfigQuerySchema, JssdkConfigSchema } from '@wxshop/shared'
import { ApiError } from '../errors'
import { JS_API_LIST } from '../wechat/js-api-list'
import { jssdkNonce, jssdkSignature } from '../wechat/jssdk-signature'
import { pageUrlToSign } from '../wechat/page-url'
import { WechatApiError, WechatUnavailableError } from '../wechat/wechat-error'

export const JSSDK_UNAVAILABLE = '微信服务暂时无法连接，分享和扫一扫稍后可用'
export const JSSDK_FAILED = '微信接口出错，分享和扫一扫暂不可用'

/**
 * GET /api/jssdk/config?url=: wx.config's fields signed for one page of the shop. Public (a visitor
 * without a session shares too); the jsapi_ticket comes from the token service, so however many
 * pages ask, WeChat is asked once per ticket lifetime.
 */
const jssdkRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config } = fastify

  fastify.get('/config', {
    schema: {
      querystring: JssdkConfigQuerySchema,
      response: { 200: JssdkConfigSchema, 400: ApiErrorBodySchema, 502: ApiErrorBodySchema },
    },
  }, async (request, reply) => {
    const page = pageUrlToSign(request.query.url, config.publicUrl)
    if ('error' in page)
      throw new ApiError(400, ErrorCode.Validation, page.error)
    let jsapiTicket: string
    try {
      jsapiTicket = await fastify.wechatTokens.jsapiTicket({ log: request.log, caller: 'GET /api/jssdk/config' })
    } catch (err) {
      throw ticketFailure(err, request.log)
    }
    const timestamp = Math.floor(Date.now() / 1000)
    const nonceStr = jssdkNonce()
    // fresh nonce and timestamp each time: nothing here may be cached by a browser or proxy
    reply.header('cache-control', 'no-store')
    return {
      appId: config.wechat.appId,
      timestamp,
      nonceStr,
      signature: jssdkSignature({ jsapiTicket, nonceStr, timestamp, url: page.url }),
      jsApiList: [...JS_API_LIST],
    }
  })
}

/** WeChat's failure as the page hears it: it then carries on without sharing. */
function ticketFailure(err: unknown, log: FastifyBaseLogger): unknown {
  if (err instanceof WechatUnavailableError) {
    log.warn({ path: err.path, reason: err.message }, 'no jsapi_ticket: WeChat unavailable')
    return new ApiError(502, ErrorCode.WechatUnavailable, JSSDK_UNAVAILABLE)
  }
  if (err instanceof WechatApiError) {
    log.error({ path: err.path, errcode: err.errcode, errmsg: err.errmsg }, 'no jsapi_ticket: WeChat refused')
    return new ApiError(502, ErrorCode.WechatError, JSSDK_FAILED)
  }
  return err
}

export default jssdkRoutes
