import Fastify from 'fastify'
import fp from 'fastify-plugin'
import { describe, expect, it, vi } from 'vitest'
import expirySweep from '../../src/plugins/expiry-sweep'

describe('expiry sweep', () => {
  /** The plugin alone, on fake repositories standing in for the db plugin. */
  async function start(intervalMs: number) {
    const app = Fastify()
    const sessions = vi.fn(async (_now: Date) => 2)
    const states = vi.fn(async (_now: Date) => 3)
    app.register(fp(async (instance) => {
      instance.decorate('sessionRepository', { deleteExpired: sessions } as never)
      instance.decorate('oauthStateRepository', { deleteExpired: states } as never)
    }, { name: 'db' }))
    app.register(expirySweep, { intervalMs })
    await app.ready()
    return { app, sessions, states }
  }

  it('should delete expired sessions and states when the interval passes', async () => {
    const { app, sessions, states } = await start(20)
    // at least twice: under load a few more intervals may pass before waitFor looks
    await vi.waitFor(() => expect(sessions.mock.calls.length).toBeGreaterThanOrEqual(2))
    expect(states).toHaveBeenCalled()
    expect(sessions.mock.calls[0]![0]).toBeInstanceOf(Date)
    await app.close()
  })

  it('should stop sweeping when the app closes', async () => {
    const { app, sessions } = await start(20)
    await app.close()
    const calls = sessions.mock.calls.length
    await new Promise(resolve => setTimeout(resolve, 80))
    expect(sessions.mock.calls.length).toBe(calls)
  })
})
