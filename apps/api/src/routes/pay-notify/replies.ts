import { buildXml } from '@wxshop/shared/wechat-message'

/** v2's one success answer (WECHAT-PAY.md §A4): exactly this XML; `success`, JSON or extra bytes count as failure. */
export const V2_SUCCESS_XML = buildXml({ return_code: 'SUCCESS', return_msg: 'OK' })
export const V2_FAIL_XML = buildXml({ return_code: 'FAIL', return_msg: 'FAIL' })
/** v3's failure body (WECHAT-PAY.md §B5), with a 4xx/5xx status. */
export const V3_FAIL_BODY = { code: 'FAIL', message: '失败' } as const
