import { parseXml } from '@wxshop/shared/wechat-message'
import { formatV2Time, prepayPackage, signV2, v2PaySign, verifyV2 } from '@wxshop/shared/wechat-pay'
import type { WechatLog } from '../transport'
import { WechatUnavailableError } from '../wechat-error'
import { payNonce } from './nonce'
import { notifyUrl, unixSeconds, type PayClient, type PayClientOptions } from './pay-client'
import { PayRefusedError, PayUnavailableError } from './pay-errors'
import { fromV2Fields } from './pay-transaction'
import { closedAtWechat, queriedTransaction } from './query-close'

// SYSTEMERROR asks for the same call again (WECHAT-PAY.md §A2); so does an answer whose sign fails.
const ATTEMPTS = 3

/**
 * WeChat Pay APIv2 (XML, MD5 or HMAC-SHA256 with the APIv2 key; WECHAT-PAY.md §A). Answers with
 * return_code SUCCESS are signed with the request's sign_type and verified; return_code FAIL comes
 * unsigned and is an error either way.
 */
export function createV2Client(options: PayClientOptions): PayClient {
  const { pay, appId, transport } = options
  const now = options.now ?? Date.now
  const key = pay.apiV2Key
  if (!key)
    throw new Error('WeChat Pay v2 needs the APIv2 key')
  const signType = pay.signType

  async function call(path: string, fields: Record<string, string | number>, log: WechatLog = options.log): Promise<Record<string, string>> {
    let lastProblem = ''
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const params: Record<string, string | number> = { appid: appId, mch_id: pay.mchId, nonce_str: payNonce(), sign_type: signType, ...fields }
      params.sign = signV2(params, key!, signType)
      let text: string
      try {
        const response = await transport.send({ base: 'pay', method: 'POST', path, body: { xml: params }, log })
        if (response.status < 200 || response.status >= 300)
          throw new PayUnavailableError(path, `HTTP ${response.status}`)
        text = response.text
      } catch (err) {
        if (err instanceof WechatUnavailableError)
          throw new PayUnavailableError(path, err.message)
        throw err
      }
      let answer: Record<string, string>
      try {
        answer = parseXml(text)
      } catch {
        throw new PayUnavailableError(path, 'the answer is not XML')
      }
      if (answer.return_code !== 'SUCCESS')
        throw new PayRefusedError(path, 'RETURN_FAIL', answer.return_msg ?? '')
      if (!verifyV2(answer, key!, signType)) {
        lastProblem = 'answer sign does not verify'
        log.warn({ wechatPay: { path, attempt } }, 'WeChat Pay answer refused: its sign does not verify')
        continue
      }
      if (answer.result_code !== 'SUCCESS') {
        const code = answer.err_code ?? 'FAIL'
        if (code === 'SYSTEMERROR') {
          lastProblem = 'SYSTEMERROR'
          continue
        }
        throw new PayRefusedError(path, code, answer.err_code_des ?? '')
      }
      return answer
    }
    throw new PayUnavailableError(path, lastProblem)
  }

  return {
    version: 'v2',

    async unifiedOrder(input, log) {
      const path = '/pay/unifiedorder'
      const answer = await call(path, {
        body: input.description,
        out_trade_no: input.orderNo,
        fee_type: 'CNY',
        total_fee: input.totalFen,
        spbill_create_ip: input.clientIp,
        time_expire: formatV2Time(input.expiresAtMs),
        notify_url: notifyUrl(options.publicUrl, 'v2'),
        trade_type: 'JSAPI',
        openid: input.openid,
      }, log)
      if (!answer.prepay_id)
        throw new PayUnavailableError(path, 'the answer has no prepay_id')
      return answer.prepay_id
    },

    async query(orderNo, log) {
      const path = '/pay/orderquery'
      return queriedTransaction(path, orderNo, async () => fromV2Fields(await call(path, { out_trade_no: orderNo }, log), 'query'))
    },

    async close(orderNo, log) {
      await closedAtWechat(() => call('/pay/closeorder', { out_trade_no: orderNo }, log))
    },

    payParams(prepayId) {
      const unsigned = { appId, timeStamp: unixSeconds(now()), nonceStr: payNonce(), package: prepayPackage(prepayId), signType }
      return { ...unsigned, paySign: v2PaySign(unsigned, key) }
    },
  }
}
