import { newTicket } from './ids'

/** A pay sheet lives 10 minutes; its ticket answers one press (PAY-BRIDGE-CONTRACT.md). */
export const PAY_TICKET_TTL_MS = 10 * 60 * 1000

/** One pay sheet shown after the checks of §D passed: which order it pays. */
export interface PayTicket {
  outTradeNo: string
  prepayId: string
  expiresAt: number
}

/** The pay sheets open in the in-page client, by ticket; each is taken once. */
export function createPayTickets(now: () => number) {
  const tickets = new Map<string, PayTicket>()
  return {
    open(outTradeNo: string, prepayId: string): string {
      const ticket = newTicket()
      tickets.set(ticket, { outTradeNo, prepayId, expiresAt: now() + PAY_TICKET_TTL_MS })
      return ticket
    },
    /** The ticket's sheet, forgotten at once; undefined when unknown, used or older than 10 minutes. */
    take(ticket: string): PayTicket | undefined {
      const entry = tickets.get(ticket)
      tickets.delete(ticket)
      return entry && entry.expiresAt > now() ? entry : undefined
    },
    clear: () => tickets.clear(),
  }
}

export type PayTickets = ReturnType<typeof createPayTickets>
