import { isWechat } from '@wxshop/shared'
import type { Router } from 'vue-router'
import { useAppConfigStore } from '~/stores/app-config'
import { landingUrl } from '~/wechat/landing-url'
import { payNeedsFullLoad } from '~/wechat/pay'
import { fullLoad } from './full-load'

/** The query flag that makes the order page start paying once, then removes itself. */
export const PAY_QUERY = 'pay'

/**
 * Opens order `orderId`'s page and pays there. The client checks the pay directory against the URL
 * it checks (iOS: the landing URL, which in-app navigation never changes; Android: the address
 * bar), so when that URL would fall outside the registered directory the page is entered by one full
 * load (`?pay=1`), which makes it the landing URL. With the root directory registered nothing
 * reloads. `replace`: the checkout is done, so back should not return to it.
 */
export async function enterPayPage(router: Router, orderId: number, options: { replace?: boolean } = {}): Promise<void> {
  const target = router.resolve({ path: `/orders/${orderId}`, query: { [PAY_QUERY]: '1' } })
  const targetUrl = new URL(target.href, window.location.href).href
  const payDirectory = isWechat(navigator.userAgent) ? (await useAppConfigStore().load())?.payDirectory ?? null : null
  if (payNeedsFullLoad(navigator.userAgent, landingUrl(), targetUrl, payDirectory)) {
    fullLoad(targetUrl)
    return
  }
  await (options.replace ? router.replace(target) : router.push(target))
}

/** True when paying from the page on screen needs a fresh load of it first (see enterPayPage). */
export async function payHereNeedsFullLoad(): Promise<boolean> {
  if (!isWechat(navigator.userAgent))
    return false
  const payDirectory = (await useAppConfigStore().load())?.payDirectory ?? null
  return payNeedsFullLoad(navigator.userAgent, landingUrl(), window.location.href, payDirectory)
}
