import { randomInt } from 'node:crypto'
import { formatV2Time } from '@wxshop/shared/wechat-pay'

/** Random digits after the date: 10^12 numbers a day, so one order number says nothing about the next. */
const RANDOM_DIGITS = 12

/**
 * A new order number, which is also WeChat Pay's out_trade_no (≤ 32 of `[\w\-|*]`): the Beijing
 * date a shopper and the merchant platform both read (`20261130`) and 12 digits from the CSPRNG.
 * Not a sequence, so nobody can guess another shopper's number from their own. Unique by the
 * database's index; the repository draws again on the rare clash.
 */
export function newOrderNo(now: Date): string {
  const date = formatV2Time(now.getTime()).slice(0, 8)
  let digits = ''
  for (let i = 0; i < RANDOM_DIGITS; i++)
    digits += String(randomInt(10))
  return `${date}${digits}`
}

/** What newOrderNo writes: 8 date digits and 12 random ones. The chat recognises an order number by it. */
const ORDER_NO_SHAPE = new RegExp(`^\\d{${8 + RANDOM_DIGITS}}$`)

export function looksLikeOrderNo(text: string): boolean {
  return ORDER_NO_SHAPE.test(text)
}
