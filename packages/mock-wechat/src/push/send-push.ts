import type { MessageAccount } from '@wxshop/shared/wechat-message'
import type { MessageMode } from '../config'
import type { Store } from '../state/store'
import { deliver, type PushTry } from './deliver'
import type { PushPlaintext } from './push-input'
import { type Answer, readAnswer } from './read-answer'
import { recordPush } from './record-push'
import { signPush } from './signed-request'

export interface PushResult {
  mode: MessageMode
  /** The plaintext XML pushed. */
  xml: string
  tries: PushTry[]
  /** Whether an answer came within the deadline on some try. */
  delivered: boolean
  /** The app's HTTP status, when it answered. */
  status?: number
  /** What the app answered, as WeChat reads it; null when no try got an answer in time. */
  answer: Answer | null
}

export interface SendPushOptions {
  mode: MessageMode
  timeoutMs?: number
}

/** Pushes one message to the app as WeChat does and reports what it answered. */
export async function sendPush(store: Store, push: PushPlaintext, options: SendPushOptions): Promise<PushResult> {
  const { config } = store
  const { mode } = options
  const account: MessageAccount = { token: config.token, encodingAesKey: config.encodingAesKey, appId: config.appId }
  const { ToUserName, FromUserName } = push.fields
  const now = store.now()
  // the user acted whether or not the app answers
  recordPush(store, push.message, push.fields, now)
  const signed = signPush(push.xml, {
    mode,
    account,
    toUserName: typeof ToUserName === 'string' ? ToUserName : config.originalId,
    openid: typeof FromUserName === 'string' ? FromUserName : undefined,
    timestamp: String(Math.floor(now / 1000)),
  })
  const delivery = await deliver(config.messageUrl, signed, options.timeoutMs)
  const base = { mode, xml: push.xml, tries: delivery.tries }
  if (!delivery.answer)
    return { ...base, delivered: false, answer: null }
  const { status, body } = delivery.answer
  const answer = readAnswer(body, { mode, account, push: { toUserName: ToUserName, fromUserName: FromUserName } })
  // WeChat shows nothing of an answer that is not 200
  if (status !== 200)
    answer.problem = `HTTP ${status}${answer.problem ? `; ${answer.problem}` : ''}`
  return { ...base, delivered: true, status, answer }
}
