// Counts the main-frame documents a scenario loads: the shop's own pages and WeChat's pages
// (the consent page). Redirects (302) are not documents: they cost a round trip, not a page load.
import type { Page } from '@playwright/test'
import { MOCK_URL } from './servers'

export interface DocumentLoads {
  shop: number
  wechat: number
  urls: string[]
}

export function trackDocuments(page: Page): DocumentLoads {
  const loads: DocumentLoads = { shop: 0, wechat: 0, urls: [] }
  page.on('response', (response) => {
    const request = response.request()
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame() || response.status() >= 300)
      return
    loads.urls.push(response.url())
    if (response.url().startsWith(MOCK_URL))
      loads.wechat += 1
    else
      loads.shop += 1
  })
  return loads
}
