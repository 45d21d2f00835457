import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger } from 'fastify'
import { ApiErrorBodySchema, CodeExchangeRequestSchema, ErrorCode, MeSchema } from '@wxshop/shared'
import { AUTH_TRY_COOKIE, clearOptions } from '../../auth/cookies'
import { meOf, snapshotMe } from '../../auth/me'
import { STATE_INVALID } from '../../auth/messages'
import { bodyFieldErrors } from '../../auth/form-errors'
import { wechatFailure } from '../../auth/wechat-failure'
import { ApiError } from '../../errors'

/**
 * POST /api/auth/wechat/code: the SPA hands over the code WeChat brought back. The state is checked
 * and spent first, the code is exchanged on the server (the tokens never leave it), then the
 * identity is stored and a session started. A snapshot-page (快照页) identity is answered but
 * stored nowhere: no identity row, no session, no cookie.
 */
const wechatCodeRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config, oauthStates, wechatOAuth, wechatIdentityRepository, sessions } = fastify

  fastify.post('/wechat/code', {
    schema: {
      body: CodeExchangeRequestSchema,
      response: { 200: MeSchema, 400: ApiErrorBodySchema, 502: ApiErrorBodySchema },
    },
    // no state (or an empty one) is refused like a wrong one: the SPA has one case to handle
    schemaErrorFormatter: bodyFieldErrors({ state: () => stateInvalid() }),
  }, async (request, reply) => {
    const { code, state } = request.body
    // Spent before WeChat is called: a replayed or raced request fails here, never reaches WeChat.
    if (!await oauthStates.consume(request, state))
      throw stateInvalid()

    const { grant, profile } = await fetchFromWechat(code, request.log).catch((err: unknown) => {
      throw wechatFailure(err, request.log)
    })
    if (grant.isSnapshotUser)
      return snapshotMe(grant.openid)

    const now = new Date()
    const { accountId } = await wechatIdentityRepository.upsert({
      openid: grant.openid,
      unionid: grant.unionid,
      scope: grant.scope,
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken,
      accessTokenExpiresAt: new Date(now.getTime() + grant.expiresIn * 1000),
      profile,
    }, now)
    // A WeChat user bound earlier is bound again at once: bound users never see the login page.
    const session = await sessions.start(request, reply, { openid: grant.openid, accountId })
    reply.clearCookie(AUTH_TRY_COOKIE, clearOptions(config.publicUrl))
    return meOf(session)
  })

  /** The grant, plus the profile when the user allowed snsapi_userinfo: both calls before anything is stored. */
  async function fetchFromWechat(code: string, log: FastifyBaseLogger) {
    const grant = await wechatOAuth.exchangeCode(code, log)
    if (grant.isSnapshotUser || grant.scope !== 'snsapi_userinfo')
      return { grant, profile: null }
    const { openid: _openid, unionid, ...profile } = await wechatOAuth.getUserInfo(grant.accessToken, grant.openid, log)
    return { grant: { ...grant, unionid: grant.unionid ?? unionid }, profile }
  }
}

function stateInvalid(): ApiError {
  return new ApiError(400, ErrorCode.OAuthStateInvalid, STATE_INVALID)
}

export default wechatCodeRoute
