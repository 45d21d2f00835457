import type { RouteLocationNormalized, Router } from 'vue-router'
import { authGuard } from '~/auth/guard'
import { useAppConfigStore } from '~/stores/app-config'

/**
 * Every navigation guard is installed here, in order: the WeChat login guard (src/auth/guard.ts:
 * OAuth callback, silent snsapi_base, snsapi_userinfo and binding where `routeAuthFor` in
 * @wxshop/shared says a path needs them), then titles.
 */
export function installGuards(router: Router): void {
  router.beforeEach(authGuard)

  // A page chunk that fails to load (flaky network, or a deploy replaced it while this WebView
  // stayed open) gets one full reload of the target URL instead of a blank screen.
  router.onError((error: unknown, to) => {
    if (isChunkLoadError(error) && firstTry(`wxshop:chunk-reload:${to.fullPath}`))
      window.location.assign(router.resolve(to).href)
  })

  router.afterEach((to, _from, failure) => {
    if (failure)
      return
    // Stores are read inside the hook: pinia is installed before the first navigation runs.
    const appConfig = useAppConfigStore()
    setTitle(to, appConfig.shopName)
    // Each navigation waits on the same request, in order: the last one's title is the one left.
    if (!appConfig.config)
      void appConfig.load().then(() => setTitle(to, appConfig.shopName))
  })
}

export function pageTitle(title: string | undefined, shopName: string): string {
  if (title && shopName)
    return `${title} - ${shopName}`
  return title || shopName || '商城'
}

function setTitle(to: RouteLocationNormalized, shopName: string): void {
  document.title = pageTitle(to.meta.title, shopName)
}

function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /dynamically imported module|module script failed|Unable to preload CSS/i.test(message)
}

/** True the first time a key is seen in this tab, so a reload is tried once, never in a loop. */
function firstTry(key: string): boolean {
  try {
    if (sessionStorage.getItem(key))
      return false
    sessionStorage.setItem(key, '1')
    return true
  } catch {
    return false
  }
}
