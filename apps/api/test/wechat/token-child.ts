import { once } from 'node:events'
import { parseDatabaseUrl } from '../../src/db/database-url'
import { openDatabase } from '../../src/db/open-database'
import { createDbCredentialStore } from '../../src/wechat/db-credential-store'
import { createTokenService, type TokenLog } from '../../src/wechat/token-service'
import { createWechatTransport } from '../../src/wechat/transport'

// One API instance's token service (see token-service.test.ts): open the database, say ready, wait
// for "go", ask for the jsapi_ticket (which needs the access_token) and print both as JSON.
const [databaseUrl, mockUrl, appId, appSecret] = process.argv.slice(2) as [string, string, string, string]
const db = await openDatabase(parseDatabaseUrl(databaseUrl), { seedDemo: false })
const quiet = () => {}
const log: TokenLog = { debug: quiet, info: quiet, warn: quiet, error: quiet }
try {
  const transport = createWechatTransport({ bases: { open: mockUrl, api: mockUrl, pay: mockUrl }, log })
  const tokens = createTokenService({ appId, appSecret, api: 'stable', transport, store: createDbCredentialStore(db), log })
  process.stdout.write('ready\n')
  process.stdin.resume()
  await once(process.stdin, 'end')
  const ticket = await tokens.jsapiTicket()
  const token = await tokens.accessToken()
  process.stdout.write(`${JSON.stringify({ ticket, token })}\n`)
} finally {
  await db.destroy()
}
