import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, ErrorCode, MeSchema, RegisterRequestSchema } from '@wxshop/shared'
import { bodyFieldErrors } from '../../auth/form-errors'
import { meOf } from '../../auth/me'
import { PHONE_RULE, PHONE_TAKEN } from '../../auth/messages'
import { isAcceptablePassword, PASSWORD_RULE } from '../../auth/password-policy'
import { ApiError } from '../../errors'

/**
 * POST /api/account/register: creates a shop account (argon2id hash) and binds this session's
 * WeChat identity to it. Needs a WeChat session; a snapshot visitor has none.
 */
const registerRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accountRepository, passwordHasher, sessions } = fastify

  fastify.post('/register', {
    schema: {
      body: RegisterRequestSchema,
      response: { 200: MeSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 409: ApiErrorBodySchema },
    },
    schemaErrorFormatter: bodyFieldErrors({
      phone: () => new Error(PHONE_RULE),
      password: () => new Error(PASSWORD_RULE),
    }),
    preHandler: fastify.requireSession,
  }, async (request, reply) => {
    const { phone, password } = request.body
    if (!isAcceptablePassword(password))
      throw new ApiError(400, ErrorCode.Validation, PASSWORD_RULE)
    // Checked before hashing so a taken phone costs no argon2 time; the unique index still decides races.
    if (await accountRepository.findByPhone(phone))
      throw new ApiError(409, ErrorCode.Conflict, PHONE_TAKEN)
    const accountId = await accountRepository.create({ phone, passwordHash: await passwordHasher.hash(password), now: new Date() })
    if (accountId === null)
      throw new ApiError(409, ErrorCode.Conflict, PHONE_TAKEN)
    return meOf(await sessions.bindAccount(request, reply, request.session, accountId))
  })
}

export default registerRoute
