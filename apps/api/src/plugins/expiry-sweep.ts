import fp from 'fastify-plugin'

export interface ExpirySweepOptions {
  intervalMs?: number
}

/**
 * Deletes expired sessions and OAuth states now and then. Reads already treat expired rows as
 * absent; this only keeps the tables from growing with every visitor who never comes back.
 */
export default fp<ExpirySweepOptions>(async function expirySweep(fastify, options) {
  const { sessionRepository, oauthStateRepository } = fastify
  let closing = false

  async function sweep(): Promise<void> {
    try {
      const now = new Date()
      const sessions = await sessionRepository.deleteExpired(now)
      const states = await oauthStateRepository.deleteExpired(now)
      if (sessions + states > 0)
        fastify.log.debug({ sessions, states }, 'deleted expired sessions and OAuth states')
    } catch (err) {
      if (!closing)
        fastify.log.warn({ err }, 'sweeping expired sessions and OAuth states failed')
    }
  }

  // unref: a pending sweep never keeps the process alive
  const timer = setInterval(() => void sweep(), options.intervalMs ?? 10 * 60 * 1000).unref()
  fastify.addHook('preClose', async () => {
    closing = true
    clearInterval(timer)
  })
}, { name: 'expiry-sweep', dependencies: ['db'] })
