import { PayRefusal, PayRefusedError, PayUnavailableError } from './pay-errors'
import type { PayTransaction } from './pay-transaction'

// What query and close mean, whichever API version asked: the v2 and v3 clients share these.

/**
 * The transaction WeChat Pay holds for `orderNo` (`ask` reads the answer), or null when it has no
 * such order. An answer about another order is no answer: the call is treated as failed.
 */
export async function queriedTransaction(path: string, orderNo: string, ask: () => Promise<PayTransaction | null>): Promise<PayTransaction | null> {
  try {
    const transaction = await ask()
    if (!transaction || transaction.outTradeNo !== orderNo)
      throw new PayUnavailableError(path, 'the answer is not this order\'s transaction')
    return transaction
  } catch (err) {
    if (err instanceof PayRefusedError && err.refusal === PayRefusal.OrderNotExist)
      return null
    throw err
  }
}

/** Closes at WeChat Pay; closed already, or never created there, counts as closed: nothing there can take money. */
export async function closedAtWechat(close: () => Promise<unknown>): Promise<void> {
  try {
    await close()
  } catch (err) {
    if (err instanceof PayRefusedError && (err.refusal === PayRefusal.OrderClosed || err.refusal === PayRefusal.OrderNotExist))
      return
    throw err
  }
}
