import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccountMessage, ApiErrorBodySchema, ErrorCode, MeSchema, passwordProblem, RegisterRequestSchema } from '@wxshop/shared'
import { bodyFieldErrors } from '../../auth/form-errors'
import { meOf } from '../../auth/me'
import { NO_SESSION } from '../../auth/messages'
import { ApiError, unauthorized } from '../../errors'

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
      phone: () => new Error(AccountMessage.PhoneInvalid),
      password: () => new Error(AccountMessage.NewPasswordRule),
    }),
  }, async (request) => {
    const session = await request.getSession()
    if (!session)
      throw unauthorized(NO_SESSION)
    const { phone, password } = request.body
    // The whole rule, lengths counted as the schema counts them; letters-and-digits is not in the schema.
    if (passwordProblem(password, 'register') !== null)
      throw new ApiError(400, ErrorCode.Validation, AccountMessage.NewPasswordRule)
    // Checked before hashing so a taken phone costs no argon2 time; the unique index still decides races.
    if (await accountRepository.findByPhone(phone))
      throw new ApiError(409, ErrorCode.Conflict, AccountMessage.PhoneTaken)
    const accountId = await accountRepository.create({ phone, passwordHash: await passwordHasher.hash(password), now: new Date() })
    if (accountId === null)
      throw new ApiError(409, ErrorCode.Conflict, AccountMessage.PhoneTaken)
    return meOf(await sessions.bindAccount(session, accountId))
  })
}

export default registerRoute
