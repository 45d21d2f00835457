/**
 * When each user last did something that opens WeChat's customer-service window (sent a message,
 * tapped a click menu, followed, scanned a QR code): `message/custom/send` may reach a user for 48
 * hours after it. The push sender and the authorize flow record interactions here; until they do,
 * `POST /__control/interaction` sets one.
 */
export function createInteractions() {
  const last = new Map<string, number>()
  return {
    record(openid: string, at: number): void {
      last.set(openid, at)
    },
    /** Epoch ms of the user's last interaction, or undefined when there was none. */
    last: (openid: string): number | undefined => last.get(openid),
    clear: () => last.clear(),
  }
}

export type Interactions = ReturnType<typeof createInteractions>
