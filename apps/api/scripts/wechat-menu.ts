import { loadConfig } from '../src/config'
import { openDatabase } from '../src/db/open-database'
import { createDbCredentialStore } from '../src/wechat/db-credential-store'
import { runMenuCommand } from '../src/wechat/menu/menu-command'
import { createWechatServerApi } from '../src/wechat/server-api'
import { createTokenService, type TokenLog } from '../src/wechat/token-service'
import { createWechatTransport } from '../src/wechat/transport'

// `pnpm wechat:menu [--delete]`: publishes the menu of src/wechat/menu/menu.ts with the API's own
// configuration, token service and server-API client, without starting the API. The access_token
// is the one the API keeps in DATABASE_URL (shared, never a second one that would replace it).

// Only what a person must act on: errors such as the IP-whitelist hint (never a token: the services
// log none). Retries are not worth a line; the command prints the outcome.
const log: TokenLog = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (...args: unknown[]) => console.error(...args.filter(arg => typeof arg === 'string')),
} as TokenLog

const config = loadConfig()
const db = await openDatabase(config.database)
try {
  const { wechat } = config
  const transport = createWechatTransport({ bases: { open: wechat.openBase, api: wechat.apiBase, pay: wechat.payBase }, log })
  const tokens = createTokenService({ appId: wechat.appId, appSecret: wechat.appSecret, api: wechat.tokenApi, transport, store: createDbCredentialStore(db), log })
  process.exitCode = await runMenuCommand({
    api: createWechatServerApi({ transport, tokens }),
    publicUrl: config.publicUrl,
    args: process.argv.slice(2),
    print: line => console.info(line),
    printError: line => console.error(line),
    unavailableHint: wechat.mode === 'mock' ? `is the mock WeChat running on ${wechat.apiBase}? Start it with pnpm dev or pnpm start` : undefined,
  })
} finally {
  await db.destroy()
}
