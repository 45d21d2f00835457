import { newCode, newOpenid } from '../state/ids'
import { type CodeGrant, OauthScope, TTL } from '../state/grants'
import type { Persona } from '../state/personas'
import type { Store } from '../state/store'

/**
 * Issues the code the browser carries back. A snapshot-page code belongs to a fresh virtual openid
 * with the base scope, so the app can never tie it to the real user.
 */
export function issueCode(store: Store, persona: Persona, scope: OauthScope, snapshot = false): string {
  const code = newCode()
  store.codes.set(code, {
    appId: store.config.appId,
    openid: snapshot ? newOpenid(store.config.appId) : persona.openid,
    scope: snapshot ? OauthScope.Base : scope,
    snapshot,
    personaOpenid: persona.openid,
  }, TTL.codeMs)
  return code
}

/** Uses a code once: 40029 when unknown or older than 5 minutes, 40163 when already used. */
export function redeemCode(store: Store, code: string): CodeGrant | 40029 | 40163 {
  const entry = store.codes.get(code)
  if (!entry || !store.codes.isLive(entry))
    return 40029
  if (entry.value.usedAt !== undefined)
    return 40163
  entry.value.usedAt = store.now()
  return entry.value
}
