import { signV2, type V2SignType } from './v2-sign'
import { signV3, verifyV3, type PemOrKey } from './v3-signature'

/**
 * The six parameters of `WeixinJSBridge.invoke('getBrandWCPayRequest', …)` (WECHAT-PAY.md §A5, §B6),
 * every one a string: the client refuses a number.
 */
export interface BridgePayParams {
  appId: string
  /** whole seconds, 10 digits */
  timeStamp: string
  nonceStr: string
  /** `prepay_id=<id>` */
  package: string
  /** v2: the unified order's sign_type; v3: `RSA` */
  signType: string
  paySign: string
}

export const PREPAY_PACKAGE_PREFIX = 'prepay_id='

export function prepayPackage(prepayId: string): string {
  return `${PREPAY_PACKAGE_PREFIX}${prepayId}`
}

/** The prepay_id inside `package`, or undefined when it is not `prepay_id=<id>`. */
export function prepayIdOf(pkg: string): string | undefined {
  return pkg.startsWith(PREPAY_PACKAGE_PREFIX) && pkg.length > PREPAY_PACKAGE_PREFIX.length ? pkg.slice(PREPAY_PACKAGE_PREFIX.length) : undefined
}

type Unsigned = Omit<BridgePayParams, 'paySign'>

/** v2: the A1 rule over appId, nonceStr, package, signType and timeStamp with the APIv2 key. */
export function v2PaySign(params: Unsigned, key: string): string {
  return signV2({ ...params }, key, params.signType as V2SignType)
}

/** v3: `appId\ntimeStamp\nnonceStr\npackage\n`, the line signType is not part of. */
export function v3PayMessage(params: Unsigned): string {
  return `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`
}

export function v3PaySign(params: Unsigned, merchantPrivateKey: PemOrKey): string {
  return signV3(v3PayMessage(params), merchantPrivateKey)
}

export function verifyV3PaySign(params: BridgePayParams, merchantPublicKey: PemOrKey): boolean {
  return verifyV3(v3PayMessage(params), params.paySign, merchantPublicKey)
}
