import type { FastifyReply } from 'fastify'

/**
 * The content types WeChat sends. The sns/* endpoints answer JSON labelled text/plain (which trips
 * clients that trust the header), the cgi-bin/* endpoints `application/json; encoding=utf-8`.
 */
export const WechatContentType = {
  sns: 'text/plain',
  cgi: 'application/json; encoding=utf-8',
} as const

/** Which family a path belongs to, for faults injected on paths that have no route yet. */
export function contentTypeForPath(path: string): string {
  return path.startsWith('/sns/') ? WechatContentType.sns : WechatContentType.cgi
}

/**
 * Answers like WeChat: always HTTP 200, errors in the body, the JSON sent as exact text. Sent as a
 * Buffer so Fastify keeps the content type byte for byte (for a string it would rewrite
 * `encoding=utf-8` as `encoding="utf-8"; charset=utf-8`).
 */
export function sendWechatJson(reply: FastifyReply, body: object, contentType: string): FastifyReply {
  return reply.code(200).header('content-type', contentType).send(Buffer.from(JSON.stringify(body)))
}
