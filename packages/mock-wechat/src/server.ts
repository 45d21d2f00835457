import { buildMockWechat } from './app'
import { loadMockConfig, MockConfigError } from './config'

// The only file that listens. Request logs stay off: GET /__control/calls is the mock's log.
async function main() {
  const config = loadMockConfig()
  const app = buildMockWechat(config, { logger: { level: 'warn' } })
  // the address actually bound: with MOCK_WECHAT_PORT=0 the OS picks the port, and tests read it here
  const address = await app.listen({ port: config.port, host: '127.0.0.1' })
  console.log(`mock WeChat on ${address} · appid ${config.appId} · 网页授权域名 ${config.oauthDomain} · control API /__control · chat ${address}/chat`)

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0))
    })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof MockConfigError ? `mock WeChat: ${error.message}` : error)
  process.exit(1)
})
