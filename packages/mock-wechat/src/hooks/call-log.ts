import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { CallRecord } from '../state/call-log'
import { deviceProfile } from '../wechat/device-profile'
import { isMockOwnPath, pathOf } from './paths'

/**
 * Records every call to an emulated WeChat path before anything else runs, so calls that are then
 * failed or held on purpose are counted too. Installed on the root instance so it sees every route.
 */
export function installCallLog(app: FastifyInstance): void {
  const records = new WeakMap<FastifyRequest, CallRecord>()

  app.addHook('onRequest', async (request) => {
    const path = pathOf(request.url)
    if (isMockOwnPath(path))
      return
    records.set(request, app.store.calls.record({
      time: new Date(app.store.now()).toISOString(),
      method: request.method,
      path,
      query: { ...(request.query as Record<string, string>) },
      profile: deviceProfile(request.headers['user-agent']),
    }))
  })

  app.addHook('onResponse', async (request, reply) => {
    const record = records.get(request)
    if (record)
      record.statusCode = reply.statusCode
  })
}
