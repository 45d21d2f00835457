import { Type, type Static } from 'typebox'

/** The one error body every API route answers with. `code` is stable and machine-readable. */
export const ApiErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'stable machine-readable code, e.g. NOT_FOUND, VALIDATION' }),
    message: Type.String({ description: 'human-readable explanation' }),
  }),
})
export type ApiErrorBody = Static<typeof ApiErrorBodySchema>

/** Codes the API uses; the SPA branches on these, never on messages. */
export const ErrorCode = {
  Validation: 'VALIDATION',
  NotFound: 'NOT_FOUND',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  WechatError: 'WECHAT_ERROR',
  Internal: 'INTERNAL',
} as const
export type ErrorCodeValue = typeof ErrorCode[keyof typeof ErrorCode]
