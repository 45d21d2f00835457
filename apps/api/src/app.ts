import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyServerOptions } from 'fastify'
import { configWarnings, type AppConfig } from './config'
import { fastifyOptions } from './fastify-options'
import type { BackoffOptions } from './wechat/backoff'
import type { WechatMessageOptions } from './wechat/message/options'
import db from './plugins/db'
import errorHandler from './plugins/error-handler'
import expirySweep from './plugins/expiry-sweep'
import indexHtml from './plugins/index-html'
import loginThrottle from './plugins/login-throttle'
import mockBridge from './plugins/mock-bridge'
import notFound from './plugins/not-found'
import oauthState from './plugins/oauth-state'
import pages from './plugins/pages'
import passwordHasher from './plugins/password-hasher'
import pay from './plugins/pay'
import paySweep from './plugins/pay-sweep'
import rateLimits from './plugins/rate-limit'
import sameOrigin from './plugins/same-origin'
import securityHeaders from './plugins/security-headers'
import session from './plugins/session'
import staticFiles from './plugins/static-files'
import wechat from './plugins/wechat'
import wechatTokens from './plugins/wechat-tokens'
import accountRoutes from './routes/account'
import authRoutes from './routes/auth'
import categoryRoutes from './routes/categories'
import healthRoutes from './routes/health'
import jssdkRoutes from './routes/jssdk'
import meRoutes from './routes/me'
import orderActionRoutes from './routes/order-actions'
import orderRoutes from './routes/orders'
import payNotifyRoutes from './routes/pay-notify'
import productRoutes from './routes/products'
import publicConfigRoutes from './routes/public-config'
import wechatMessageRoutes from './routes/wechat-message'

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig
  }
}

export interface BuildAppOptions {
  /** pino options; tests leave it off. */
  logger?: FastifyServerOptions['logger']
  /** Give up on a WeChat call after this long (default 5 s); tests shorten it to see a timeout quickly. */
  wechatTimeoutMs?: number
  /** How -1 and timeouts from WeChat are retried (default 3 retries from 200 ms); tests make it instant. */
  wechatBackoff?: BackoffOptions
  /** The message push endpoint: its reply deadline (default 4 s), and a test's wrapper around the shop's handler. */
  wechatMessage?: WechatMessageOptions
  /** How often the pay sweep runs (default 1 min); 0 turns its timer off, as tests do (they run passes themselves). */
  paySweepIntervalMs?: number
}

/** The whole app, without listening: server.ts listens, tests use `app.inject`. */
export function buildApp(config: AppConfig, options: BuildAppOptions = {}) {
  const app = Fastify(fastifyOptions(config, options.logger)).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('config', config)
  for (const warning of configWarnings(config))
    app.log.warn(warning)

  // plugins
  app.register(errorHandler)
  app.register(securityHeaders)
  app.register(sameOrigin)
  app.register(db, { database: config.database, seedDemo: config.seedDemo })
  app.register(session)
  app.register(wechat, { timeoutMs: options.wechatTimeoutMs })
  app.register(wechatTokens, { backoff: options.wechatBackoff })
  app.register(oauthState)
  app.register(passwordHasher)
  app.register(loginThrottle)
  app.register(rateLimits)
  app.register(expirySweep)
  app.register(pay)
  app.register(paySweep, { intervalMs: options.paySweepIntervalMs })
  // the web app: index.html (with its script slot), pages (fast path), the 404 handler, the build's files
  app.register(indexHtml, { distDir: config.webDistDir })
  app.register(mockBridge)
  app.register(pages)
  app.register(notFound)
  app.register(staticFiles, { distDir: config.webDistDir })

  // routes
  app.register(healthRoutes, { prefix: '/api/health' })
  app.register(publicConfigRoutes, { prefix: '/api/config' })
  app.register(jssdkRoutes, { prefix: '/api/jssdk' })
  app.register(categoryRoutes, { prefix: '/api/categories' })
  app.register(productRoutes, { prefix: '/api/products' })
  app.register(authRoutes, { prefix: '/api/auth' })
  app.register(accountRoutes, { prefix: '/api/account' })
  app.register(meRoutes, { prefix: '/api/me' })
  app.register(orderRoutes, { prefix: '/api/orders' })
  app.register(orderActionRoutes, { prefix: '/api/orders' })
  app.register(payNotifyRoutes, { prefix: '/api/pay/notify' })
  app.register(wechatMessageRoutes, { prefix: '/api/wechat/message', ...options.wechatMessage })

  return app
}

export type App = ReturnType<typeof buildApp>
