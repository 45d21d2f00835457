import { ErrorCode, isWechat, type Order } from '@wxshop/shared'
import { showToast } from 'vant'
import { onScopeDispose, ref, type Ref } from 'vue'
import 'vant/es/toast/style'
import { isApiError } from '~/api/client'
import { getOrder, payOrder, syncOrder } from '~/api/orders'
import { requestBrandPay } from '~/wechat/pay'
import { fullLoad } from './full-load'
import { orderErrorText } from './order-errors'
import { PAY_QUERY, payHereNeedsFullLoad } from './pay-entry'

/** idle → requesting (POST /pay) → paying (WeChat's sheet) → confirming (asking the server) → paid. */
export type PayPhase = 'idle' | 'requesting' | 'paying' | 'confirming' | 'paid'

/** Waits before each POST /sync after the sheet said ok: about 30 s in all, then the page stops asking. */
export const SYNC_DELAYS_MS: readonly number[] = [0, 1000, 1000, 2000, 2000, 3000, 3000, 4000, 5000, 5000, 5000]

export const PayText = {
  NotInWechat: '请在微信中完成支付',
  Cancelled: '已取消支付',
  Failed: '支付失败，请重试',
  StillConfirming: '支付结果确认中，请稍后刷新查看',
} as const

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Pays `order` on this page. The SPA never marks an order paid: after the sheet's ok it asks the
 * server (POST /sync, which queries WeChat Pay) until the server says paid. Cancel and fail leave
 * the shopper here, where 去支付 pays again.
 */
export function useOrderPay(order: Ref<Order | null>) {
  const phase = ref<PayPhase>('idle')
  /** The shopper left the page: stop asking the server. */
  let left = false
  onScopeDispose(() => (left = true))

  /** `fromFullLoad`: this page was loaded for paying (?pay=1), so it is never reloaded again. */
  async function pay(options: { fromFullLoad?: boolean } = {}): Promise<void> {
    const current = order.value
    if (!current || current.status !== 'unpaid' || (phase.value !== 'idle'))
      return
    if (!isWechat(navigator.userAgent)) {
      showToast(PayText.NotInWechat)
      return
    }
    if (!options.fromFullLoad && await payHereNeedsFullLoad()) {
      const url = new URL(window.location.href)
      url.searchParams.set(PAY_QUERY, '1')
      fullLoad(url.href)
      return
    }
    phase.value = 'requesting'
    let params
    try {
      params = await payOrder(current.id)
    } catch (error) {
      phase.value = 'idle'
      showToast(orderErrorText(error))
      // paid or closed meanwhile: show the order as it is now
      if (isApiError(error) && error.code === ErrorCode.OrderState)
        await refresh(current.id)
      return
    }
    phase.value = 'paying'
    const outcome = await requestBrandPay(params).catch((error: unknown) => ({ result: 'fail' as const, errMsg: String(error) }))
    if (outcome.result !== 'ok') {
      phase.value = 'idle'
      if (outcome.result === 'fail')
        console.warn('[pay] getBrandWCPayRequest failed', outcome.errMsg)
      showToast(outcome.result === 'cancel' ? PayText.Cancelled : PayText.Failed)
      return
    }
    phase.value = 'confirming'
    const settled = await confirm(current.id)
    if (left)
      return
    phase.value = settled?.status === 'paid' ? 'paid' : 'idle'
    if (phase.value !== 'paid')
      showToast(PayText.StillConfirming)
  }

  /** POST /sync with backoff until the order is no longer unpaid, or the delays run out. */
  async function confirm(id: number): Promise<Order | null> {
    for (const delay of SYNC_DELAYS_MS) {
      await sleep(delay)
      if (left)
        return null
      try {
        const synced = await syncOrder(id)
        order.value = synced
        if (synced.status !== 'unpaid')
          return synced
      } catch {
        // a lost request: the next one may get through
      }
    }
    return null
  }

  async function refresh(id: number) {
    try {
      order.value = await getOrder(id)
    } catch {
      // the page keeps what it shows
    }
  }

  return { phase, pay }
}
