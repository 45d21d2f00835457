/**
 * Money is integer fen (1 yuan = 100 fen) everywhere: database, API, cart, WeChat Pay `total_fee`.
 * Only the edge that shows a price to a person turns fen into yuan text.
 */

export interface FormatFenOptions {
  /** Prefix with the yuan sign (default true). */
  symbol?: boolean
}

/** `formatFen(1250)` → `'¥12.50'`; `formatFen(1250, { symbol: false })` → `'12.50'`. */
export function formatFen(fen: number, options: FormatFenOptions = {}): string {
  assertFen(fen)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const rest = String(abs % 100).padStart(2, '0')
  return `${sign}${options.symbol === false ? '' : '¥'}${yuan}.${rest}`
}

/** Splits fen into the yuan and fen parts shops print in two sizes (`¥12` big, `.50` small). */
export function splitFen(fen: number): { yuan: string, cents: string } {
  const text = formatFen(fen, { symbol: false })
  const [yuan = '0', cents = '00'] = text.split('.')
  return { yuan, cents }
}

/** Sum of `priceFen × quantity` over lines; stays an integer by construction. */
export function sumFen(lines: ReadonlyArray<{ priceFen: number, quantity: number }>): number {
  let total = 0
  for (const line of lines) {
    assertFen(line.priceFen)
    if (!Number.isInteger(line.quantity) || line.quantity < 0)
      throw new RangeError(`quantity must be a non-negative integer, got ${line.quantity}`)
    total += line.priceFen * line.quantity
  }
  return total
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen))
    throw new RangeError(`money must be an integer number of fen, got ${fen}`)
}
