import type { FastifyReply } from 'fastify'
import { CgiErrmsg, wechatError } from './errors'
import { sendWechatJson, WechatContentType } from './reply'

/** Answer helpers for one cgi-bin/* request: `ok(body)` or `fail(errcode, errmsg?)`, HTTP 200 JSON. */
export function cgiAnswer(reply: FastifyReply, now: () => number) {
  return {
    ok: (body: object) => sendWechatJson(reply, body, WechatContentType.cgi),
    fail: (errcode: number, errmsg?: string) => sendWechatJson(reply, wechatError(errcode, now(), errmsg ?? CgiErrmsg[errcode]), WechatContentType.cgi),
  }
}
