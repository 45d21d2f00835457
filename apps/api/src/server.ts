import closeWithGrace from 'close-with-grace'
import type { FastifyServerOptions } from 'fastify'
import { buildApp } from './app'
import { loadConfig, withEnvFile, type AppConfig } from './config'
import { StartupError } from './errors'

// The only place that listens. Anything that stops start-up ends as one line on stderr and exit 1.

function loggerOptions(config: AppConfig): FastifyServerOptions['logger'] {
  // LOG_FORMAT (default: pretty on a terminal, else JSON lines), never NODE_ENV.
  if (config.logFormat === 'pretty')
    return { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
  return { level: config.logLevel }
}

async function start(): Promise<void> {
  // `.env` first (real environment variables win over it), then the one validation of them all
  const config = loadConfig(withEnvFile())
  const app = buildApp(config, { logger: loggerOptions(config) })

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err)
      app.log.error({ err }, 'closing after an uncaught error')
    else
      app.log.info(`${signal} received, closing`)
    await app.close()
  })

  let address: string
  try {
    address = await app.listen({ port: config.port, host: config.host })
  } catch (err) {
    await app.close().catch(() => {})
    throw listenError(err, config)
  }
  // the bound address too: with PORT=0 the OS picks the port, and tests read it from this line
  app.log.info(`wxshop api ready at ${config.publicUrl}, listening on ${address} (WeChat ${config.wechat.mode} mode, ${config.database.dialect})`)
}

function listenError(err: unknown, config: AppConfig): unknown {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE')
    return new StartupError(`PORT ${config.port} is already in use on ${config.host}`)
  if (code === 'EACCES')
    return new StartupError(`PORT ${config.port} on ${config.host} needs privileges this process lacks`)
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new StartupError(`HOST ${config.host} is not an address of this machine`)
  return err
}

start().catch((err: unknown) => {
  if (err instanceof StartupError) {
    console.error(`wxshop api cannot start: ${err.message}`)
  } else {
    // Not a known start-up problem, so probably a bug: the stack is worth the extra lines.
    console.error(`wxshop api cannot start: ${err instanceof Error ? err.message : String(err)}`)
    console.error(err)
  }
  process.exit(1)
})
