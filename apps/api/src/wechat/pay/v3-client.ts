import type { KeyObject } from 'node:crypto'
import { buildV3Authorization, formatV3Time, prepayPackage, signV3, v3PaySign, v3RequestMessage } from '@wxshop/shared/wechat-pay'
import type { PayV3Response, WechatLog } from '../transport'
import { WechatPayV3Error, WechatUnavailableError } from '../wechat-error'
import { payNonce } from './nonce'
import { notifyUrl, unixSeconds, type PayClient, type PayClientOptions } from './pay-client'
import { PayRefusedError, PayUnavailableError } from './pay-errors'
import { fromV3Transaction } from './pay-transaction'
import { closedAtWechat, queriedTransaction } from './query-close'
import { certificatesFromAnswer, createPlatformKeys, type PlatformKeys } from './platform-keys'
import { checkV3Signature } from './v3-verify'

// A forged or probing answer (SIGNTEST) is not believed; the call is simply made again, which is
// safe: prepay re-entry answers the same prepay_id, query reads, close of a closed order is a no-op.
const ATTEMPTS = 3

/** WeChat Pay APIv3 (JSON, RSA): every request signed, every 2xx answer verified (WECHAT-PAY.md §B). */
export function createV3Client(options: PayClientOptions): PayClient & { platformKeys: PlatformKeys } {
  const { pay, appId, transport } = options
  const now = options.now ?? Date.now
  const { privateKey, serialNo, apiV3Key } = pay
  if (!privateKey || !serialNo || !apiV3Key)
    throw new Error('WeChat Pay v3 needs the merchant private key, its serial and the APIv3 key')

  const platformKeys = createPlatformKeys({
    mode: pay.platformMode,
    publicKey: pay.publicKey,
    publicKeyId: pay.publicKeyId,
    downloadCertificates: async () => {
      // the answer is signed by a certificate it carries: verified against the set it brings
      let keys = new Map<string, KeyObject>()
      await call('GET', '/v3/certificates', undefined, undefined, options.log, (response) => {
        keys = certificatesFromAnswer(response.body, apiV3Key)
        return serial => keys.get(serial.toUpperCase())
      })
      return keys
    },
    now,
  })

  async function call(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string> | undefined,
    json: unknown,
    log: WechatLog = options.log,
    verifyWith?: (response: PayV3Response) => (serial: string) => KeyObject | undefined,
  ): Promise<PayV3Response> {
    const search = query ? `?${new URLSearchParams(query).toString()}` : ''
    let lastProblem = ''
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // the exact bytes sent are the bytes signed
      const body = json === undefined ? '' : JSON.stringify(json)
      const timestamp = unixSeconds(now())
      const nonce = payNonce()
      const signature = signV3(v3RequestMessage(method, `${path}${search}`, timestamp, nonce, body), privateKey!)
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: buildV3Authorization({ mchid: pay.mchId, nonce_str: nonce, signature, timestamp, serial_no: serialNo! }),
      }
      // public-key mode: says which key we expect answers under (WeChat Pay's migration rule)
      if (pay.platformMode === 'public-key' && pay.publicKeyId)
        headers['wechatpay-serial'] = pay.publicKeyId
      let response: PayV3Response
      try {
        response = await transport.payV3({ method, path, query, headers, log, ...(json === undefined ? {} : { body: { raw: body, contentType: 'application/json' } }) })
      } catch (err) {
        if (err instanceof WechatUnavailableError)
          throw new PayUnavailableError(path, err.message)
        if (err instanceof WechatPayV3Error) {
          if (err.status >= 500 || err.code === 'SYSTEM_ERROR' || err.code === 'FREQUENCY_LIMITED') {
            lastProblem = `HTTP ${err.status} ${err.code}`
            if (attempt < ATTEMPTS)
              continue
            throw new PayUnavailableError(path, lastProblem)
          }
          throw new PayRefusedError(path, err.code, err.detail)
        }
        throw err
      }
      const override = verifyWith?.(response)
      const problem = await checkV3Signature(response.headers, response.text, platformKeys.keyFor, now(), override)
      if (problem === null)
        return response
      lastProblem = `answer not verified (${problem})`
      log.warn({ wechatPay: { path, status: response.status, problem, attempt } }, 'WeChat Pay answer refused: its signature does not verify')
    }
    throw new PayUnavailableError(path, lastProblem)
  }

  return {
    version: 'v3',
    platformKeys,

    async unifiedOrder(input, log) {
      const path = '/v3/pay/transactions/jsapi'
      const response = await call('POST', path, undefined, {
        appid: appId,
        mchid: pay.mchId,
        description: input.description,
        out_trade_no: input.orderNo,
        time_expire: formatV3Time(input.expiresAtMs),
        notify_url: notifyUrl(options.publicUrl, 'v3'),
        amount: { total: input.totalFen, currency: 'CNY' },
        payer: { openid: input.openid },
      }, log)
      const prepayId = (response.body as { prepay_id?: unknown } | undefined)?.prepay_id
      if (typeof prepayId !== 'string' || prepayId === '')
        throw new PayUnavailableError(path, 'the answer has no prepay_id')
      return prepayId
    },

    async query(orderNo, log) {
      const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderNo)}`
      return queriedTransaction(path, orderNo, async () => fromV3Transaction((await call('GET', path, { mchid: pay.mchId }, undefined, log)).body))
    },

    async close(orderNo, log) {
      const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderNo)}/close`
      await closedAtWechat(() => call('POST', path, undefined, { mchid: pay.mchId }, log))
    },

    payParams(prepayId) {
      const unsigned = { appId, timeStamp: unixSeconds(now()), nonceStr: payNonce(), package: prepayPackage(prepayId), signType: 'RSA' as const }
      return { ...unsigned, paySign: v3PaySign(unsigned, privateKey) }
    },
  }
}
