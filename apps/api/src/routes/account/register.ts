import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccountMessage, ApiErrorBodySchema, ErrorCode, MeSchema, passwordProblem, RegisterRequestSchema } from '@wxshop/shared'
import { bodyFieldErrors } from '../../auth/form-errors'
import { rememberDevice } from '../../auth/known-device'
import { meOf } from '../../auth/me'
import { tooManyRegistrations } from '../../auth/messages'
import { ApiError } from '../../errors'

/**
 * POST /api/account/register: creates a shop account (argon2id hash) and binds this session's
 * WeChat identity to it. Needs a WeChat session; a snapshot visitor has none. Attempts are limited
 * per WeChat user, address and phone, and a taken phone answers as slowly as a new account is made.
 */
const registerRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config, accountRepository, passwordHasher, registerThrottle, sessions } = fastify

  fastify.post('/register', {
    schema: {
      body: RegisterRequestSchema,
      response: { 200: MeSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 409: ApiErrorBodySchema, 429: ApiErrorBodySchema },
    },
    schemaErrorFormatter: bodyFieldErrors({
      phone: () => new Error(AccountMessage.PhoneInvalid),
      password: () => new Error(AccountMessage.NewPasswordRule),
    }),
    preHandler: fastify.requireSession,
  }, async (request, reply) => {
    const { phone, password } = request.body
    // The whole rule, lengths counted as the schema counts them; letters-and-digits is not in the schema.
    if (passwordProblem(password, 'register') !== null)
      throw new ApiError(400, ErrorCode.Validation, AccountMessage.NewPasswordRule)
    // "Taken" tells whether a phone has an account: every attempt counts, per user, address and phone.
    const verdict = await registerThrottle.begin({ phone, ip: request.ip, openid: request.session.openid })
    if (!verdict.allowed) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000)
      reply.header('retry-after', String(seconds))
      throw new ApiError(429, ErrorCode.RateLimited, tooManyRegistrations(Math.ceil(seconds / 60)))
    }
    // Hashed before the phone is looked up, so "taken" costs the same argon2 time as a new account.
    const passwordHash = await passwordHasher.hash(password)
    if (await accountRepository.findByPhone(phone))
      throw new ApiError(409, ErrorCode.Conflict, AccountMessage.PhoneTaken)
    // the unique index still decides a race between two registrations of one phone
    const accountId = await accountRepository.create({ phone, passwordHash, now: new Date() })
    if (accountId === null)
      throw new ApiError(409, ErrorCode.Conflict, AccountMessage.PhoneTaken)
    // the owner's browser: its later logins are counted apart from others' guesses
    rememberDevice(reply, config.publicUrl, accountId, null)
    return meOf(await sessions.bindAccount(request, reply, request.session, accountId))
  })
}

export default registerRoute
