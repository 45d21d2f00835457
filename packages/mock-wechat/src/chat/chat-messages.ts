import type { SentMessage } from '../state/sent-messages'

/** The customer-service messages the app sent to `openid`, oldest first, as a conversation reads. */
export function messagesTo(messages: readonly SentMessage[], openid: string): SentMessage[] {
  return messages.filter(message => message.touser === openid).reverse()
}
