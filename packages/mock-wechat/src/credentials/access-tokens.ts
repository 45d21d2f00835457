import { newAccessToken } from '../state/ids'
import type { AccessTokenGrant, TokenSource } from '../state/server-credentials'
import type { Store } from '../state/store'

export const ACCESS_TOKEN_SECONDS = 7200
/** "公众平台后台会保证在5分钟内，新老access_token都可用": the old token's grace after a new fetch. */
export const REPLACED_GRACE_MS = 5 * 60 * 1000

/** The current token of one interface while it is live, with its entry. */
export function currentToken(store: Store, source: TokenSource) {
  const token = store.credentials.currentTokens.get(source)
  const entry = token === undefined ? undefined : store.accessTokens.get(token)
  return token !== undefined && entry && store.accessTokens.isLive(entry) ? { token, entry } : undefined
}

/**
 * Issues a new token for one interface (7200 s). The one it replaces stays valid 5 more minutes, or
 * less if it expires sooner; after that it answers 40001 "not latest" (see checkAccessToken).
 */
export function issueAccessToken(store: Store, source: TokenSource): { token: string, expiresIn: number } {
  const previous = store.credentials.currentTokens.get(source)
  const previousEntry = previous === undefined ? undefined : store.accessTokens.get(previous)
  if (previousEntry) {
    previousEntry.value.replacedAt = store.now()
    previousEntry.expiresAt = Math.min(previousEntry.expiresAt, store.now() + REPLACED_GRACE_MS)
  }
  const token = newAccessToken()
  store.accessTokens.set(token, { appId: store.config.appId, source }, ACCESS_TOKEN_SECONDS * 1000)
  store.credentials.currentTokens.set(source, token)
  return { token, expiresIn: ACCESS_TOKEN_SECONDS }
}

/**
 * The grant behind a global access_token on a token-taking call: 41001 when missing, 40001 when
 * unknown or replaced by a newer fetch more than 5 minutes ago (WeChat's "not latest"), 42001 when
 * it ran out (or was expired through the control API).
 */
export function checkAccessToken(store: Store, token: string | undefined): AccessTokenGrant | 41001 | 40001 | 42001 {
  if (!token)
    return 41001
  const entry = store.accessTokens.get(token)
  if (!entry)
    return 40001
  if (store.accessTokens.isLive(entry))
    return entry.value
  const { replacedAt } = entry.value
  return replacedAt !== undefined && store.now() >= replacedAt + REPLACED_GRACE_MS ? 40001 : 42001
}

/** Seconds left, rounded down, as stable_token answers them in normal mode. */
export function secondsLeft(store: Store, expiresAt: number): number {
  return Math.max(0, Math.floor((expiresAt - store.now()) / 1000))
}
