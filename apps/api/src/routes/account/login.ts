import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccountMessage, ApiErrorBodySchema, ErrorCode, LoginRequestSchema, MeSchema } from '@wxshop/shared'
import { bodyFieldErrors } from '../../auth/form-errors'
import { knownDevice, rememberDevice } from '../../auth/known-device'
import { meOf } from '../../auth/me'
import { tooManyAttempts } from '../../auth/messages'
import { ApiError, unauthorized } from '../../errors'

/**
 * POST /api/account/login: checks phone and password and binds this session's WeChat identity to
 * the account. Unknown phone and wrong password get the same answer in about the same time, and
 * failures are throttled per phone and address, per address, and per phone (auth/login-throttle.ts).
 */
const loginRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config, accountRepository, passwordHasher, loginThrottle, sessions } = fastify

  fastify.post('/login', {
    schema: {
      body: LoginRequestSchema,
      response: { 200: MeSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 429: ApiErrorBodySchema },
    },
    schemaErrorFormatter: bodyFieldErrors({
      phone: () => new Error(AccountMessage.PhoneInvalid),
      password: () => new Error(AccountMessage.LoginPasswordRule),
    }),
    preHandler: fastify.requireSession,
  }, async (request, reply) => {
    const { phone, password } = request.body
    const account = await accountRepository.findByPhone(phone)
    const device = account ? knownDevice(request, account.id) : null

    // Counted as a failure before argon2 runs, so guesses sent together cannot all slip past the count.
    const verdict = await loginThrottle.begin({ phone, ip: request.ip, device })
    if (!verdict.allowed) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000)
      // headers set before throwing stay on the error response
      reply.header('retry-after', String(seconds))
      throw new ApiError(429, ErrorCode.RateLimited, tooManyAttempts(Math.ceil(seconds / 60)))
    }

    const valid = account
      ? await passwordHasher.verify(account.passwordHash, password)
      : await passwordHasher.verifyNobody(password)
    if (!account || !valid)
      throw unauthorized(AccountMessage.WrongCredentials)
    await verdict.succeeded()
    rememberDevice(reply, config.publicUrl, account.id, device)
    return meOf(await sessions.bindAccount(request, reply, request.session, account.id))
  })
}

export default loginRoute
