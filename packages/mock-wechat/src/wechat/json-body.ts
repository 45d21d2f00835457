import type { FastifyInstance } from 'fastify'
import { checkAccessToken } from '../credentials/access-tokens'
import type { Store } from '../state/store'

export type ParsedJsonBody = { fields: Record<string, unknown> } | 44002 | 47001

/**
 * Reads a POST body as WeChat's JSON APIs do, whatever its content type ("仅支持 POST JSON"):
 * empty → 44002, not a JSON object (a form, bad JSON, an array) → 47001.
 */
export function parseJsonBody(raw: unknown): ParsedJsonBody {
  const text = typeof raw === 'string' ? raw : ''
  if (text.trim() === '')
    return 44002
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { fields: value as Record<string, unknown> } : 47001
  } catch {
    return 47001
  }
}

/**
 * Makes every route of this (encapsulated) plugin receive its body as a string, so bad JSON gets
 * WeChat's errcode with HTTP 200 rather than Fastify's 400.
 */
export function readBodiesAsText(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
}

/**
 * What a token-taking JSON API of WeChat's checks first, in WeChat's order: the access_token
 * (41001 / 40001 / 42001), then the body (44002 / 47001). The errcode of the first refusal, or the body's fields.
 */
export function tokenAndJsonBody(store: Store, token: string | undefined, raw: unknown): { fields: Record<string, unknown> } | number {
  const grant = checkAccessToken(store, token)
  if (typeof grant === 'number')
    return grant
  return parseJsonBody(raw)
}
