/**
 * What a user did that lets the account answer with customer-service messages, and for how long
 * (WeChat's table, 发送客服消息): a message opens 48 hours for 5 messages; a click-type menu tap, a
 * follow or a QR-code scan (an event) opens 1 minute for 3.
 */
export const InteractionKind = { Message: 'message', Event: 'event' } as const
export type InteractionKind = typeof InteractionKind[keyof typeof InteractionKind]

export const INTERACTION_ALLOWANCE: Record<InteractionKind, { windowMs: number, messages: number }> = {
  message: { windowMs: 48 * 60 * 60 * 1000, messages: 5 },
  event: { windowMs: 60 * 1000, messages: 3 },
}

interface Window { at: number, used: number }

/**
 * Each user's latest interaction of each kind and how many messages it has allowed so far. The push
 * sender (src/push/) records them here, and `POST /__control/interaction` by hand.
 */
export function createInteractions() {
  const windows = new Map<string, Map<InteractionKind, Window>>()

  /** The user's windows still open, the one that closes first first. */
  function open(openid: string, now: number) {
    return [...(windows.get(openid) ?? new Map<InteractionKind, Window>()).entries()]
      .filter(([kind, window]) => now - window.at <= INTERACTION_ALLOWANCE[kind].windowMs)
      .sort(([a, x], [b, y]) => (x.at + INTERACTION_ALLOWANCE[a].windowMs) - (y.at + INTERACTION_ALLOWANCE[b].windowMs))
  }

  return {
    /** A new interaction of a kind opens a fresh window of that kind. */
    record(openid: string, at: number, kind: InteractionKind = InteractionKind.Message): void {
      const byKind = windows.get(openid) ?? new Map<InteractionKind, Window>()
      byKind.set(kind, { at, used: 0 })
      windows.set(openid, byKind)
    },
    /**
     * Spends one message of an open window: 'ok', 'closed' (no window open: 45015) or 'exhausted'
     * (windows open, every one used up: 45047).
     */
    spend(openid: string, now: number): 'ok' | 'closed' | 'exhausted' {
      const windowsOpen = open(openid, now)
      if (windowsOpen.length === 0)
        return 'closed'
      const left = windowsOpen.find(([kind, window]) => window.used < INTERACTION_ALLOWANCE[kind].messages)
      if (!left)
        return 'exhausted'
      left[1].used++
      return 'ok'
    },
    clear: () => windows.clear(),
  }
}

export type Interactions = ReturnType<typeof createInteractions>
