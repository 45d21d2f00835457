import type { WechatClient } from '@wxshop/shared'

export const ShareApi = { AppMessage: 'updateAppMessageShareData', Timeline: 'updateTimelineShareData' } as const
export type ShareApi = typeof ShareApi[keyof typeof ShareApi]

/** What a page set for sharing, as the phone would show it when the user taps 分享. */
export interface ShareRecord {
  api: ShareApi
  title: string
  /** Friends' cards only (updateAppMessageShareData); Moments show no description. */
  desc?: string
  link: string
  imgUrl: string
  /** The page that set it. */
  pageUrl: string
  client: WechatClient
  at: string
}

// Enough for any test run; a long-lived dev mock forgets the oldest first.
const MAX_SHARES = 1000

/** The share data pages registered (`GET /__control/shares`), newest first. */
export function createShares() {
  const shares: ShareRecord[] = []
  return {
    add(share: ShareRecord): void {
      shares.unshift(share)
      shares.length = Math.min(shares.length, MAX_SHARES)
    },
    list: (): ShareRecord[] => [...shares],
    clear: () => {
      shares.length = 0
    },
  }
}

export type Shares = ReturnType<typeof createShares>
