import { ErrorCode } from '@wxshop/shared'
import type { FastifyBaseLogger } from 'fastify'
import { ApiError } from '../errors'
import { CODE_REFUSED_ERRCODES, WechatApiError, WechatUnavailableError } from '../wechat/wechat-error'
import { CODE_INVALID, WECHAT_BUSY, WECHAT_FAILED } from './messages'

/**
 * What the client hears when a WeChat call fails during login. The log keeps WeChat's errcode and
 * errmsg (the client never sees them): 40163/40029 mean the user needs a fresh code; -1 and
 * timeouts are worth retrying later; anything else is a setup problem for the operator.
 */
export function wechatFailure(err: unknown, log: FastifyBaseLogger): unknown {
  if (err instanceof WechatUnavailableError) {
    log.warn({ path: err.path, reason: err.message }, 'WeChat unavailable during login')
    return new ApiError(502, ErrorCode.WechatUnavailable, WECHAT_BUSY)
  }
  if (err instanceof WechatApiError) {
    if (CODE_REFUSED_ERRCODES.has(err.errcode)) {
      log.info({ path: err.path, errcode: err.errcode, errmsg: err.errmsg }, 'WeChat refused the OAuth code')
      return new ApiError(400, ErrorCode.OAuthCodeInvalid, CODE_INVALID)
    }
    log.error({ path: err.path, errcode: err.errcode, errmsg: err.errmsg }, 'WeChat refused a login call')
    return new ApiError(502, ErrorCode.WechatError, WECHAT_FAILED)
  }
  return err
}
