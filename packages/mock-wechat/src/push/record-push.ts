import type { PushMessage, XmlFields } from '@wxshop/shared/wechat-message'
import { InteractionKind } from '../state/interactions'
import type { Store } from '../state/store'

// What a push changes on WeChat's side, whatever the app answers: the user followed or unfollowed,
// and their interaction opens a customer-service window.

/**
 * Events that open a window, per WeChat's table (发送客服消息): a follow, a QR-code scan, and the menu
 * taps that push an event to the account (click, scancode_push, scancode_waitmsg). A view tap, an
 * unfollow, a reported location or a template outcome opens none.
 */
const WINDOW_EVENTS = new Set(['subscribe', 'scan', 'click', 'scancode_push', 'scancode_waitmsg'])

function interactionOf(message: PushMessage | undefined, fields: XmlFields): InteractionKind | undefined {
  if (message && message.kind !== 'unknown')
    return WINDOW_EVENTS.has(message.kind) ? InteractionKind.Event : 'msgId' in message && message.kind !== 'template-send-job-finish' ? InteractionKind.Message : undefined
  if (fields.MsgType === 'event')
    return typeof fields.Event === 'string' && WINDOW_EVENTS.has(fields.Event.toLowerCase()) ? InteractionKind.Event : undefined
  return typeof fields.MsgType === 'string' ? InteractionKind.Message : undefined
}

/**
 * Records the push's interaction and, for a follow or unfollow, the user's `subscribe`. A sender the
 * mock does not know yet becomes a persona: on WeChat only an existing user can push anything, and
 * only a follower can message the account or tap its menu.
 */
export function recordPush(store: Store, message: PushMessage | undefined, fields: XmlFields, at: number): void {
  const openid = fields.FromUserName
  if (typeof openid !== 'string' || openid === '')
    return
  const kind = message?.kind
  if (kind === 'subscribe' || kind === 'unsubscribe')
    store.personas.upsert(openid, { subscribe: kind === 'subscribe' ? 1 : 0 })
  else if (!store.personas.get(openid))
    store.personas.create(openid, { subscribe: 1 })
  const interaction = interactionOf(message, fields)
  if (interaction)
    store.interactions.record(openid, at, interaction)
}
