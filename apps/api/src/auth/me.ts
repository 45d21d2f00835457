import type { Me } from '@wxshop/shared'
import type { Session } from './session-manager'

/** What /api/me (and every login answer) shows: never a token, and the phone only masked. */
export function meOf(session: Session): Me {
  const account = session.accountId !== null && session.accountPhone !== null
    ? { id: session.accountId, phone: maskPhone(session.accountPhone) }
    : null
  return {
    openid: session.openid,
    scope: session.scope,
    snapshot: false,
    profile: session.profile,
    account,
    // known only to GET /api/me, which asks WeChat (routes/me.ts)
    subscribed: null,
  }
}

/** A 快照页 visitor: a virtual openid that is shown to the SPA but never stored or bound. */
export function snapshotMe(openid: string): Me {
  return { openid, scope: 'snsapi_base', snapshot: true, profile: null, account: null, subscribed: null }
}

/** 13800138000 → 138****8000: the one place a phone is masked (the SPA shows it as it comes). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}
