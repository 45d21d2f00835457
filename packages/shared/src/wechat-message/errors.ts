/** Why a push or a reply was refused; each refusal has its own reason so the endpoint can log and count it. */
export const MessageRefusal = {
  badSignature: 'bad-signature',
  badMsgSignature: 'bad-msg-signature',
  badPadding: 'bad-padding',
  wrongAppId: 'wrong-appid',
  malformed: 'malformed',
  badAesKey: 'bad-aes-key',
  staleTimestamp: 'stale-timestamp',
  invalidMessage: 'invalid-message',
} as const
export type MessageRefusalReason = typeof MessageRefusal[keyof typeof MessageRefusal]

/** A push, an encrypted body or a message we refuse. The message never holds a secret or the payload. */
export class MessageRefusedError extends Error {
  readonly reason: MessageRefusalReason
  constructor(reason: MessageRefusalReason, detail: string) {
    super(`message refused (${reason}): ${detail}`)
    this.name = 'MessageRefusedError'
    this.reason = reason
  }
}

/** An XML body that is not WeChat's shape (DOCTYPE, too deep, too big, not well-formed, another root). */
export class XmlRefusedError extends Error {
  constructor(reason: string) {
    super(`XML refused: ${reason}`)
    this.name = 'XmlRefusedError'
  }
}
