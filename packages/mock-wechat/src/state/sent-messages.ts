/** Messages the app sent to users through WeChat: customer-service messages and template messages. */
export interface SentMessage {
  kind: 'custom' | 'template'
  touser: string
  /** a custom message's msgtype; `template` for a template message */
  msgtype: string
  /** the JSON body the app posted, as it was */
  body: Record<string, unknown>
  at: string
}

// Enough for any test run; a long-lived dev mock forgets the oldest first.
const MAX_MESSAGES = 1000

/** What `GET /__control/messages` lists, newest first. */
export function createSentMessages() {
  const messages: SentMessage[] = []
  return {
    add(message: SentMessage): void {
      messages.unshift(message)
      messages.length = Math.min(messages.length, MAX_MESSAGES)
    },
    list: (): SentMessage[] => [...messages],
    clear: () => {
      messages.length = 0
    },
  }
}

export type SentMessages = ReturnType<typeof createSentMessages>
