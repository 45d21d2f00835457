import { shallowRef } from 'vue'
import type { ShareProduct } from './share-data'

/**
 * The product the product page shows, for the share data. Set by the page (a static import, no
 * SDK), read by the share hook once the wechat module has loaded.
 */
export const pageProduct = shallowRef<ShareProduct | null>(null)
