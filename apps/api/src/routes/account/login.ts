import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccountMessage, ApiErrorBodySchema, ErrorCode, LoginRequestSchema, MeSchema } from '@wxshop/shared'
import { bodyFieldErrors } from '../../auth/form-errors'
import { meOf } from '../../auth/me'
import { NO_SESSION, tooManyAttempts } from '../../auth/messages'
import { ApiError, unauthorized } from '../../errors'

/**
 * POST /api/account/login: checks phone and password and binds this session's WeChat identity to
 * the account. Unknown phone and wrong password get the same answer in about the same time, and
 * failures are throttled per phone and per IP.
 */
const loginRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accountRepository, passwordHasher, loginThrottle, sessions } = fastify

  fastify.post('/login', {
    schema: {
      body: LoginRequestSchema,
      response: { 200: MeSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 429: ApiErrorBodySchema },
    },
    schemaErrorFormatter: bodyFieldErrors({
      phone: () => new Error(AccountMessage.PhoneInvalid),
      password: () => new Error(AccountMessage.LoginPasswordRule),
    }),
  }, async (request, reply) => {
    const session = await request.getSession()
    if (!session)
      throw unauthorized(NO_SESSION)
    const { phone, password } = request.body
    const attempt = { phone, ip: request.ip }

    const verdict = await loginThrottle.check(attempt)
    if (!verdict.allowed) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000)
      // headers set before throwing stay on the error response
      reply.header('retry-after', String(seconds))
      throw new ApiError(429, ErrorCode.RateLimited, tooManyAttempts(Math.ceil(seconds / 60)))
    }

    const account = await accountRepository.findByPhone(phone)
    const valid = account
      ? await passwordHasher.verify(account.passwordHash, password)
      : await passwordHasher.verifyNobody(password)
    if (!account || !valid) {
      await loginThrottle.recordFailure(attempt)
      throw unauthorized(AccountMessage.WrongCredentials)
    }
    await loginThrottle.recordSuccess(attempt)
    return meOf(await sessions.bindAccount(session, account.id))
  })
}

export default loginRoute
