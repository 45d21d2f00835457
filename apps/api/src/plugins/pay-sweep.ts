import fp from 'fastify-plugin'
import { runPaySweep, type PaySweepReport } from '../payments/pay-sweep'

declare module 'fastify' {
  interface FastifyInstance {
    /** One pass of the pay sweep now (tests call it instead of waiting for the timer). */
    paySweep: { run: (nowMs?: number) => Promise<PaySweepReport> }
  }
}

export interface PaySweepOptions {
  /** default 1 min; 0 turns the timer off (tests run passes themselves) */
  intervalMs?: number
}

/** Runs the pay sweep (payments/pay-sweep.ts) every minute; one pass at a time. */
export default fp<PaySweepOptions>(async function paySweep(fastify, options) {
  const { pay, db, log } = fastify
  const empty: PaySweepReport = { closed: 0, paid: 0, messagesSent: 0 }
  let running: Promise<PaySweepReport> | undefined
  let closing = false

  function run(nowMs?: number): Promise<PaySweepReport> {
    if (!pay)
      return Promise.resolve(empty)
    running ??= runPaySweep({ db, payments: pay.payments, messages: pay.messages, log, now: nowMs })
      .finally(() => {
        running = undefined
      })
    return running
  }
  fastify.decorate('paySweep', { run })

  const intervalMs = options.intervalMs ?? 60_000
  if (!pay || intervalMs === 0)
    return
  const timer = setInterval(() => {
    run().catch((err) => {
      if (!closing)
        log.warn({ err }, 'pay sweep failed')
    })
  }, intervalMs).unref()
  fastify.addHook('preClose', async () => {
    closing = true
    clearInterval(timer)
    await running?.catch(() => {})
  })
}, { name: 'pay-sweep', dependencies: ['db', 'pay'] })
