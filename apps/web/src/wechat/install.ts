import { watch } from 'vue'
import type { RouteLocationNormalizedLoaded, Router } from 'vue-router'
import { hashMode } from '~/router/mode'
import { useAppConfigStore } from '~/stores/app-config'
import type { Wechat } from './create-wechat'
import { WechatUnavailableError } from './errors'
import { pageProduct } from './page-product'
import { shareDataFor } from './share-data'

/**
 * After each route change: a config for the URL the client checks (when it changed), then this
 * route's share data; again when the product page's product arrives (main.ts installs it in WeChat
 * only). The newest share data wins (create-wechat.ts). Failures only reach the console: sharing then just does not happen, the page carries on.
 */
export function installRouteShare(router: Router, wechat: Wechat): void {
  const appConfig = useAppConfigStore()

  async function update(route: RouteLocationNormalizedLoaded) {
    void wechat.sync().catch(() => {}) // create-wechat.ts warns once per failed config
    const config = await appConfig.load()
    if (!config)
      return
    const data = shareDataFor(route, config, pageProduct.value, { hash: hashMode })
    await wechat.share(data).catch((error: unknown) => {
      if (!(error instanceof WechatUnavailableError))
        console.warn('[wechat] share data not set', error)
    })
  }

  router.afterEach((_to, _from, failure) => {
    if (!failure)
      void update(router.currentRoute.value)
  })
  watch(pageProduct, () => void update(router.currentRoute.value))
  // Installed after the first paint: the route on screen already arrived.
  void router.isReady().then(() => update(router.currentRoute.value))
}
