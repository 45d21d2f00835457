import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyServerOptions } from 'fastify'
import { configWarnings, type AppConfig } from './config'
import { formatValidationErrors } from './lib/validation-message'
import { validatorCompilers } from './lib/validator-compiler'
import db from './plugins/db'
import errorHandler from './plugins/error-handler'
import expirySweep from './plugins/expiry-sweep'
import loginThrottle from './plugins/login-throttle'
import oauthState from './plugins/oauth-state'
import passwordHasher from './plugins/password-hasher'
import rateLimits from './plugins/rate-limit'
import sameOrigin from './plugins/same-origin'
import securityHeaders from './plugins/security-headers'
import session from './plugins/session'
import spa from './plugins/spa'
import wechatOAuth from './plugins/wechat-oauth'
import accountRoutes from './routes/account'
import authRoutes from './routes/auth'
import categoryRoutes from './routes/categories'
import healthRoutes from './routes/health'
import meRoutes from './routes/me'
import productRoutes from './routes/products'
import publicConfigRoutes from './routes/public-config'

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
}

/** The whole app, without listening: server.ts listens, tests use `app.inject`. */
export function buildApp(config: AppConfig, options: BuildAppOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    // Query strings and path parameters are coerced from text, JSON bodies are not (see the file).
    schemaController: { compilersFactory: validatorCompilers },
    schemaErrorFormatter: formatValidationErrors,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('config', config)
  for (const warning of configWarnings(config))
    app.log.warn(warning)

  // plugins
  app.register(errorHandler)
  app.register(securityHeaders)
  app.register(sameOrigin)
  app.register(db, { database: config.database })
  app.register(session)
  app.register(wechatOAuth, { timeoutMs: options.wechatTimeoutMs })
  app.register(oauthState)
  app.register(passwordHasher)
  app.register(loginThrottle)
  app.register(rateLimits)
  app.register(expirySweep)
  app.register(spa, { distDir: config.webDistDir })

  // routes
  app.register(healthRoutes, { prefix: '/api/health' })
  app.register(publicConfigRoutes, { prefix: '/api/config' })
  app.register(categoryRoutes, { prefix: '/api/categories' })
  app.register(productRoutes, { prefix: '/api/products' })
  app.register(authRoutes, { prefix: '/api/auth' })
  app.register(accountRoutes, { prefix: '/api/account' })
  app.register(meRoutes, { prefix: '/api/me' })

  return app
}

export type App = ReturnType<typeof buildApp>
