import { once } from 'node:events'
import { connect } from '../../src/db/connect'
import { parseDatabaseUrl } from '../../src/db/database-url'
import { createOrder } from '../../src/repositories/order-repository'
import { ADDRESS } from './order-fixtures'

// One API instance of a race (order-race.ts): connect, say ready, wait for "go", then try to buy one
// unit `attempts` times, as fast as it can, and report how many orders it got and why it was refused.
const [url, accountId, productId, attempts] = process.argv.slice(2)
const db = await connect(parseDatabaseUrl(url!))
try {
  process.stdout.write('ready\n')
  process.stdin.resume()
  await once(process.stdin, 'end')
  let created = 0
  const refused: string[] = []
  for (let i = 0; i < Number(attempts); i++) {
    const result = await createOrder(db, {
      accountId: Number(accountId),
      openid: 'oRacer',
      items: [{ productId: Number(productId), quantity: 1 }],
      address: ADDRESS,
      remark: null,
      now: new Date(),
    })
    if (result.ok)
      created += 1
    else
      refused.push(result.rejection.reason)
  }
  process.stdout.write(`${JSON.stringify({ created, refused })}\n`)
} finally {
  await db.destroy()
}
