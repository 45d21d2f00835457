/**
 * The template messages the mock's Official Account has added (我的模板): one, the shop's 订单支付成功通知.
 * The keywords are the template's fields (new-style names: kind + position), each `{ value, color? }`.
 */
export const MOCK_TEMPLATES: Record<string, { title: string, keywords: Record<string, string> }> = {
  wxshopMockTplOrderPaid0000000001: {
    title: '订单支付成功通知',
    keywords: {
      character_string1: '订单编号',
      amount2: '支付金额',
      thing3: '商品名称',
      time4: '支付时间',
    },
  },
}

/** 47001 for a data that is not `{ key: { value: string, color?: string } }`; undefined when it is. */
export function templateDataIssue(data: unknown): 47001 | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return 47001
  for (const item of Object.values(data)) {
    if (typeof item !== 'object' || item === null || typeof (item as { value?: unknown }).value !== 'string')
      return 47001
    const color = (item as { color?: unknown }).color
    if (color !== undefined && typeof color !== 'string')
      return 47001
  }
  return undefined
}
