import { ErrorCode, productIdFromCode } from '@wxshop/shared'
import type { Router } from 'vue-router'
import { errorMessage, isApiError } from '~/api/client'
import { getProduct } from '~/api/products'
import { useAppConfigStore } from '~/stores/app-config'
import { loadWechat } from '~/wechat/lazy'

export const SCAN_TEXT = {
  needsWechat: '扫一扫需要在微信中使用',
  unknownCode: '无法识别这个码',
  noSuchProduct: '没有找到这个商品',
  unavailable: '扫一扫暂时无法使用，请稍后再试',
} as const

/**
 * One tap on 扫一扫: WeChat's scanner, then the product the code names (`productIdFromCode`), asked
 * of the API before leaving home, so an unknown product is a toast here rather than an empty page
 * there. Closing the scanner does nothing. A chunk of its own: the home page loads it on the first tap.
 */
export async function scanProduct(router: Router, inWechat: boolean): Promise<void> {
  if (!inWechat)
    return toast(SCAN_TEXT.needsWechat)
  const wechat = await loadWechat()
  let text: string
  try {
    text = await wechat.scan()
  } catch (error) {
    if (error instanceof wechat.WechatCancelledError)
      return
    console.warn('[wechat] scan failed', error)
    return toast(SCAN_TEXT.unavailable)
  }
  const config = await useAppConfigStore().load()
  const id = config ? productIdFromCode(text, config.publicUrl) : null
  if (id === null)
    return toast(SCAN_TEXT.unknownCode)
  try {
    await getProduct(id)
  } catch (error) {
    return toast(isApiError(error) && error.code === ErrorCode.NotFound ? SCAN_TEXT.noSuchProduct : errorMessage(error))
  }
  await router.push(`/product/${id}`)
}

async function toast(message: string): Promise<void> {
  const [{ showToast }] = await Promise.all([import('vant/es/toast'), import('vant/es/toast/style')])
  showToast(message)
}
