import { showConfirmDialog, showToast } from 'vant'
import { ref } from 'vue'
import { useRouter } from 'vue-router'
import 'vant/es/dialog/style'
import 'vant/es/toast/style'
import { errorMessage } from '~/api/client'
import { resetLoopGuard } from '~/auth/loop-guard'
import { useSessionStore } from '~/stores/session'

/**
 * 退出登录: asks first, then ends the session and unbinds this WeChat from the shop account. The
 * shopper lands on the home page, where the guard identifies them again silently (unbound).
 */
export function useLogout() {
  const session = useSessionStore()
  const router = useRouter()
  const loggingOut = ref(false)

  async function confirmLogout() {
    const confirmed = await showConfirmDialog({
      title: '退出登录',
      message: '退出后，这个微信将与商城账号解除绑定，再次使用需要重新登录。',
      confirmButtonText: '确定',
      cancelButtonText: '取消',
    }).then(() => true, () => false)
    if (!confirmed)
      return
    loggingOut.value = true
    try {
      await session.logout()
    } catch (error) {
      showToast(errorMessage(error))
      return
    } finally {
      loggingOut.value = false
    }
    // Leaving was asked for: the silent re-identification must not count against the loop guard.
    resetLoopGuard()
    await router.replace('/')
  }

  return { loggingOut, confirmLogout }
}
