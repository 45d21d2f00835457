import { isWechat } from '@wxshop/shared'
import { computed } from 'vue'
import { useRouter } from 'vue-router'
import { useAppConfigStore } from '~/stores/app-config'

/**
 * 扫一扫 on the home page. Shown inside WeChat; outside it only in mock mode, where a tap says it
 * needs WeChat (live mode hides it: nothing there could work). What a tap does (scan-product.ts)
 * loads on the first tap, outside the home page's first load.
 */
export function useScan() {
  const router = useRouter()
  const appConfig = useAppConfigStore()
  const inWechat = isWechat(navigator.userAgent)
  const visible = computed(() => inWechat || appConfig.config?.mode === 'mock')

  async function scan(): Promise<void> {
    const { scanProduct } = await import('./scan-product')
    await scanProduct(router, inWechat)
  }

  return { visible, scan }
}
