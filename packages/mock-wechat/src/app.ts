import formbody from '@fastify/formbody'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { MockWechatConfig } from './config'
import { errorHandler } from './error-handler'
import { installCallLog } from './hooks/call-log'
import { installFaultInjection } from './hooks/fault-injection'
import { createPayNotifier, type PayNotifier } from './pay/notifier'
import { PUSH_TIMEOUT_MS } from './push/deliver'
import accountQrcode from './routes/account-qrcode'
import avatars from './routes/avatars'
import bridgeRoutes from './routes/bridge'
import cgiBinRoutes from './routes/cgi-bin'
import chatRoutes from './routes/chat'
import controlRoutes from './routes/control'
import oauthRoutes from './routes/oauth'
import payRoutes from './routes/pay'
import { createStore, type Store } from './state/store'

declare module 'fastify' {
  interface FastifyInstance {
    store: Store
    /** How long a push waits for the app's answer per try (WeChat: 5 s). */
    pushTimeoutMs: number
    /** Sends WeChat Pay's result notifies and their retries (pay/notifier.ts). */
    payNotifier: PayNotifier
  }
}

export interface BuildOptions {
  /** The clock for every expiry; tests pass one they can move. */
  now?: () => number
  logger?: FastifyServerOptions['logger']
  /** WeChat's 5 s deadline per push try (`POST /__control/push`); tests shorten it. */
  pushTimeoutMs?: number
  /** WeChat Pay's 5 s deadline per notify attempt; tests shorten it. */
  payNotifyTimeoutMs?: number
}

/** WeChat takes the first of repeated parameters here; a plain object keeps `__proto__` harmless. */
function parseQuerystring(query: string): Record<string, string> {
  const first = new Map<string, string>()
  for (const [key, value] of new URLSearchParams(query)) {
    if (!first.has(key))
      first.set(key, value)
  }
  return Object.fromEntries(first)
}

/** The emulated WeChat platform as a Fastify instance, not yet listening. */
export function buildMockWechat(config: MockWechatConfig, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    routerOptions: { querystringParser: parseQuerystring },
    // Unlike the API (which strips unknown fields), the control API refuses them: a test tool
    // must not silently ignore a misspelt field.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('store', createStore(config, options.now))
  app.decorate('pushTimeoutMs', options.pushTimeoutMs ?? PUSH_TIMEOUT_MS)
  app.decorate('payNotifier', createPayNotifier(app.store, options.payNotifyTimeoutMs))
  // pending notify retries neither outlive a reset (their orders are gone) nor keep a closed app alive
  app.store.onReset(() => app.payNotifier.stop())
  app.addHook('onClose', async () => app.payNotifier.stop())
  app.setErrorHandler(errorHandler)
  // Order matters: the call log sees every call, including those then failed on purpose.
  installCallLog(app)
  installFaultInjection(app)

  app.register(formbody)
  app.register(oauthRoutes)
  app.register(cgiBinRoutes)
  app.register(payRoutes)
  app.register(controlRoutes, { prefix: '/__control' })
  app.register(avatars)
  app.register(accountQrcode)
  app.register(bridgeRoutes)
  app.register(chatRoutes)
  return app
}

export type MockWechat = ReturnType<typeof buildMockWechat>
