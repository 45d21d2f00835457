import type { OAuthScope } from '@wxshop/shared'
import { onBeforeUnmount, ref } from 'vue'
import { useRouter } from 'vue-router'
import { authorize, scopeFor } from '~/auth/authorize'
import { resetLoopGuard } from '~/auth/loop-guard'

/**
 * A WeChat authorisation the user asked for (重新授权, 重试, 使用完整服务): it starts the loop guard
 * afresh and goes to WeChat, or to the page authorize() names instead (/open-in-wechat, /auth/error).
 */
export function useAuthorizeAgain() {
  const router = useRouter()
  /** True from the tap until the page has left (or the attempt ended elsewhere). */
  const busy = ref(false)

  /** `fullPath` is the router path to come back to; the scope defaults to what that route needs. */
  async function authorizeAgain(fullPath: string, scope?: OAuthScope) {
    if (busy.value)
      return
    busy.value = true
    resetLoopGuard()
    const result = await authorize(scope ?? scopeFor(router.resolve(fullPath).path), fullPath)
    // false: the page should have left by now; if it is still here, the button works again.
    busy.value = false
    if (result !== false)
      await router.replace(result)
  }

  // Back from WeChat into a page kept in the back/forward cache (the only pageshow this page can
  // see while busy: any other load starts a new page): the button must work again.
  const onPageShow = () => {
    busy.value = false
  }
  window.addEventListener('pageshow', onPageShow)
  onBeforeUnmount(() => window.removeEventListener('pageshow', onPageShow))

  return { busy, authorizeAgain }
}
