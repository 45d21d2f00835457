import { Consent, OauthScope, type PendingAuthorization } from '../state/grants'
import type { Persona } from '../state/personas'
import type { Store } from '../state/store'
import { issueCode } from './codes'
import { redirectBack } from './redirect-back'

/**
 * Where the browser goes once the user has chosen. 允许: back with code and state. 拒绝: back with
 * state only, no code. 快照: back with a code for a virtual, snapshot-page identity.
 */
export function answerConsent(store: Store, pending: PendingAuthorization, persona: Persona, consent: Consent): string {
  const state: readonly [string, string] = ['state', pending.state]
  if (consent === Consent.Deny)
    return redirectBack(pending.redirectUri, [state])
  const code = consent === Consent.Snapshot
    ? issueCode(store, persona, OauthScope.Base, true)
    : issueCode(store, persona, pending.scope)
  return redirectBack(pending.redirectUri, [['code', code], state])
}
