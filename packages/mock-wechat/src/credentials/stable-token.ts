import { TokenSource } from '../state/server-credentials'
import type { Store } from '../state/store'
import { currentToken, issueAccessToken, secondsLeft } from './access-tokens'

/** "普通模式下平台会提前5分钟更新access_token". */
export const EARLY_RENEWAL_MS = 5 * 60 * 1000
/** "强制刷新模式每天限用20次且需间隔30秒". */
export const FORCE_REFRESH_PER_DAY = 20
export const FORCE_REFRESH_GAP_MS = 30 * 1000

// WeChat's quotas run by the calendar day in China (UTC+8).
const CHINA_OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000
const chinaDay = (ms: number) => Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS)

/**
 * cgi-bin/stable_token. Normal mode answers the current token with the seconds it has left, and
 * issues a new one only when none is live or it has 5 minutes or less to go. force_refresh issues a
 * new one (the old one keeps its 5 minutes, as with cgi-bin/token) at most 20 times a China day
 * (45009) and not within 30 s of the last (45011). The token is separate from cgi-bin/token's.
 */
export function stableToken(store: Store, forceRefresh: boolean): { token: string, expiresIn: number } | 45009 | 45011 {
  if (forceRefresh) {
    const { forceRefreshes } = store.credentials
    const today = chinaDay(store.now())
    const usedToday = forceRefreshes.filter(at => chinaDay(at) === today).length
    if (usedToday >= FORCE_REFRESH_PER_DAY)
      return 45009
    const last = forceRefreshes.at(-1)
    if (last !== undefined && store.now() - last < FORCE_REFRESH_GAP_MS)
      return 45011
    forceRefreshes.splice(0, forceRefreshes.length, ...forceRefreshes.filter(at => chinaDay(at) === today), store.now())
    return issueAccessToken(store, TokenSource.Stable)
  }
  const current = currentToken(store, TokenSource.Stable)
  if (current && current.entry.expiresAt - store.now() > EARLY_RENEWAL_MS)
    return { token: current.token, expiresIn: secondsLeft(store, current.entry.expiresAt) }
  return issueAccessToken(store, TokenSource.Stable)
}
