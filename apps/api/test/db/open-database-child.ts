import { once } from 'node:events'
import { connect } from '../../src/db/connect'
import { parseDatabaseUrl } from '../../src/db/database-url'
import { migrateToLatest } from '../../src/db/migrate'
import { seedCatalog } from '../../src/db/seed/seed-catalog'

// One "instance" starting up (see open-in-child.ts): connect, say ready, wait for "go", then the
// same steps as openDatabase, reporting what this process itself applied and seeded as JSON.
const db = await connect(parseDatabaseUrl(process.argv[2]!))
try {
  process.stdout.write('ready\n')
  process.stdin.resume()
  await once(process.stdin, 'end')
  const applied = await migrateToLatest(db)
  const seeded = await seedCatalog(db)
  process.stdout.write(`${JSON.stringify({ applied, seeded })}\n`)
} finally {
  await db.destroy()
}
