import { DEFAULT_BACKOFF, withBackoff, type BackoffOptions } from './backoff'
import type { CallContext, TokenService } from './token-service'
import type { WechatTransport } from './transport'

/**
 * Every WeChat server API that takes the Official Account's access_token (user/info now; menu,
 * template messages and pay next) goes through here: the token comes from the token service, a
 * refused token is expired (compare-and-expire) and the call retried once, and -1 or a timeout is
 * retried with backoff. No caller adds access_token or writes a retry of its own.
 */
export function createWechatServerApi(options: { transport: WechatTransport, tokens: TokenService, backoff?: BackoffOptions }) {
  const { transport, tokens } = options
  const backoff = options.backoff ?? DEFAULT_BACKOFF

  function call(method: 'GET' | 'POST', path: string, query: Record<string, string>, json: unknown, context: CallContext) {
    const caller = context.caller ?? path
    return withBackoff(backoff, () => tokens.withAccessToken({ ...context, caller }, token => transport.json({
      base: 'api',
      method,
      path,
      query: { ...query, access_token: token },
      ...(method === 'POST' ? { body: { json } } : {}),
      log: context.log,
    })))
  }

  return {
    /** GET `path` with `query` + access_token; the errcode JSON answer, or a typed WeChat error. */
    get: (path: string, query: Record<string, string> = {}, context: CallContext = {}) => call('GET', path, query, undefined, context),
    /** POST `json` to `path` (access_token in the query, as WeChat wants it). */
    post: (path: string, json: unknown, context: CallContext = {}) => call('POST', path, {}, json, context),
  }
}

export type WechatServerApi = ReturnType<typeof createWechatServerApi>
