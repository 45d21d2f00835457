import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { placeOrder } from '../../pay/place-order'
import { v2Fail, v2Refusal, v2Signed } from '../../pay/v2-message'
import { v2Endpoint } from '../../pay/v2-route'
import { checkUnifiedOrder, UNIFIED_ORDER_REQUIRED } from '../../pay/v2-unified-order'

const REFUSALS = {
  paid: ['ORDERPAID', '该订单已支付'],
  closed: ['ORDERCLOSED', '该订单已关闭'],
  changed: ['INVALID_REQUEST', '201 商户订单号重复'],
} as const

/**
 * POST /pay/unifiedorder (WECHAT-PAY.md §A2): a prepay_id valid 2 h; re-entry with the same params
 * answers the current one, with other params INVALID_REQUEST; a paid order ORDERPAID, a closed one ORDERCLOSED.
 */
const v2UnifiedOrder: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  v2Endpoint(fastify, '/pay/unifiedorder', UNIFIED_ORDER_REQUIRED, (request, merchant) => {
    const checked = checkUnifiedOrder(request, merchant, store)
    if ('fail' in checked)
      return v2Fail(checked.fail)
    if ('refuse' in checked)
      return v2Refusal(merchant, request.signType, checked.refuse.err_code, checked.refuse.err_code_des)
    const placed = placeOrder(store, checked.params)
    if ('refused' in placed) {
      const [code, description] = REFUSALS[placed.refused]
      return v2Refusal(merchant, request.signType, code, description)
    }
    return v2Signed(merchant, request.signType, { device_info: request.fields.device_info, result_code: 'SUCCESS', trade_type: 'JSAPI', prepay_id: placed.order.prepay_id })
  })
}

export default v2UnifiedOrder
