import { parseXmlDocument } from '@wxshop/shared/wechat-message'

/**
 * Whether the shop acknowledged a notify. v3 (WECHAT-PAY.md §B5): 200 or 204, the body unread.
 * v2 (§A4): HTTP 200 and an XML reply whose return_code is SUCCESS; plain `success`, JSON, HTML
 * or extra characters are failures, as is `FAIL`.
 */
export function isAcknowledged(version: 'v2' | 'v3', status: number, body: string): boolean {
  if (version === 'v3')
    return status === 200 || status === 204
  if (status !== 200)
    return false
  try {
    const fields = parseXmlDocument(body.trim())
    return fields.return_code === 'SUCCESS'
  } catch {
    return false
  }
}
