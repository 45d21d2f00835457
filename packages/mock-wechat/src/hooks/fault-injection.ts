import type { FastifyInstance, FastifyReply } from 'fastify'
import { errorPage } from '../pages/error-page'
import { deferPayFault, isPayPath } from '../pay/pay-faults'
import { CgiErrmsg, wechatError } from '../wechat/errors'
import { contentTypeForPath, sendWechatJson } from '../wechat/reply'
import { isMockOwnPath, pathOf } from './paths'

// A held answer with no delay given outlasts the usual 5–10 s client timeouts.
const DEFAULT_HOLD_MS = 30_000

/**
 * Plays the failures queued with `POST /__control/fail`: holds the answer (a slow or timed-out
 * WeChat), then answers the errcode the way that path would, or, with no errcode, normally.
 */
export function installFaultInjection(app: FastifyInstance): void {
  const holds = new Set<() => void>()

  // Held requests must not keep a closing server open.
  app.addHook('preClose', async () => {
    for (const release of holds)
      release()
  })

  function hold(ms: number, reply: FastifyReply): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer)
        reply.raw.off('close', release)
        holds.delete(release)
        resolve()
      }
      const timer = setTimeout(release, ms)
      // The client gave up: stop holding.
      reply.raw.once('close', release)
      holds.add(release)
    })
  }

  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url)
    if (isMockOwnPath(path))
      return
    const fault = app.store.faults.take(path)
    if (!fault)
      return
    if (fault.delayMs !== undefined || fault.errcode === 'timeout')
      await hold(fault.delayMs ?? DEFAULT_HOLD_MS, reply)
    if (typeof fault.errcode !== 'number')
      return
    // WeChat Pay answers in its own shapes (v3 JSON with a status, v2 signed XML): its routes do it
    if (isPayPath(path))
      return deferPayFault(request, fault)
    if (path.startsWith('/connect/'))
      return reply.type('text/html; charset=utf-8').send(errorPage({ errcode: fault.errcode, message: fault.errmsg, hint: '由 POST /__control/fail 注入的错误' }))
    const errmsg = fault.errmsg ?? (path.startsWith('/cgi-bin/') ? CgiErrmsg[fault.errcode] : undefined)
    return sendWechatJson(reply, wechatError(fault.errcode, app.store.now(), errmsg), contentTypeForPath(path))
  })
}
