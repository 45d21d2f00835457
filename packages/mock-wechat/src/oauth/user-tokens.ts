import { newUserToken } from '../state/ids'
import { type CodeGrant, OauthScope, TTL, type UserTokenGrant } from '../state/grants'
import type { Store } from '../state/store'

const accessTokenMs = TTL.accessTokenSeconds * 1000

export interface IssuedTokens {
  accessToken: string
  refreshToken: string
}

export function issueUserTokens(store: Store, grant: CodeGrant): IssuedTokens {
  const { usedAt: _usedAt, ...base } = grant
  const accessToken = newUserToken()
  const refreshToken = newUserToken()
  store.userTokens.set(accessToken, { ...base, refreshToken }, accessTokenMs)
  store.refreshTokens.set(refreshToken, { ...base, accessToken }, TTL.refreshTokenMs)
  return { accessToken, refreshToken }
}

/**
 * sns/oauth2/refresh_token: a live access_token keeps its value and gets a fresh 7200 s; an expired
 * one is replaced. The refresh_token itself is never extended (30 days from the code exchange).
 */
export function refreshUserToken(store: Store, refreshToken: string): { accessToken: string, grant: UserTokenGrant } | 40030 | 42002 {
  const entry = store.refreshTokens.get(refreshToken)
  if (!entry)
    return 40030
  if (!store.refreshTokens.isLive(entry))
    return 42002
  const { accessToken: previous, ...base } = entry.value
  const current = store.userTokens.get(previous)
  const accessToken = current && store.userTokens.isLive(current) ? previous : newUserToken()
  if (accessToken !== previous)
    store.userTokens.delete(previous)
  const grant = { ...base, refreshToken }
  store.userTokens.set(accessToken, grant, accessTokenMs)
  entry.value.accessToken = accessToken
  return { accessToken, grant }
}

/** Finds the grant behind a user access_token: 41001/41009 when a parameter is missing, 40001 when unknown, 42001 when expired, 40003 for another user's openid. */
export function checkUserToken(store: Store, accessToken: string | undefined, openid: string | undefined): UserTokenGrant | 41001 | 41009 | 40001 | 42001 | 40003 {
  // WeChat names the missing parameter first: access_token (41001), then openid (41009)
  if (!accessToken)
    return 41001
  if (!openid)
    return 41009
  const entry = store.userTokens.get(accessToken)
  if (!entry)
    return 40001
  if (!store.userTokens.isLive(entry))
    return 42001
  if (entry.value.openid !== openid)
    return 40003
  return entry.value
}

/** The body of a successful code exchange, fields in WeChat's order. */
export function tokenBody(store: Store, grant: Omit<UserTokenGrant, 'refreshToken'>, tokens: IssuedTokens) {
  const persona = store.personas.get(grant.openid)
  // The guide: unionid "只有当scope为snsapi_userinfo时返回"; is_snapshotuser only when it is 1.
  const unionid = !grant.snapshot && grant.scope === OauthScope.Userinfo ? persona?.unionid : undefined
  return {
    access_token: tokens.accessToken,
    expires_in: TTL.accessTokenSeconds,
    refresh_token: tokens.refreshToken,
    openid: grant.openid,
    scope: grant.scope,
    ...(grant.snapshot ? { is_snapshotuser: 1 } : {}),
    ...(unionid ? { unionid } : {}),
  }
}
