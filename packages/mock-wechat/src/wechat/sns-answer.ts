import type { FastifyReply } from 'fastify'
import { wechatError } from './errors'
import { sendWechatJson, WechatContentType } from './reply'

/** Answer helpers for one sns/* request: `ok(body)` or `fail(errcode)`, both HTTP 200 text/plain. */
export function snsAnswer(reply: FastifyReply, now: () => number) {
  return {
    ok: (body: object) => sendWechatJson(reply, body, WechatContentType.sns),
    fail: (errcode: number) => sendWechatJson(reply, wechatError(errcode, now()), WechatContentType.sns),
  }
}
