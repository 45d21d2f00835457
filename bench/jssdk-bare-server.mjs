// The baseline for `pnpm bench:jssdk`: a bare Fastify route that answers a constant JSON body, on
// the API's own Fastify (resolved from apps/api, so the same version), with Fastify's defaults
// (no logger, no hooks, no schema). Its own process, like the API, so each server has a core's worth
// of event loop to itself and neither shares a heap or a GC with the other. Prints its address.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { root } from '../scripts/lib.mjs'

const Fastify = createRequire(join(root, 'apps/api/package.json'))('fastify')
const body = JSON.parse(process.env.BARE_BODY ?? '{}')

const app = Fastify()
app.get('/bare', async () => body)
const address = await app.listen({ port: 0, host: '127.0.0.1' })
console.log(`bare fastify ${app.version} on ${address}`)
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => app.close().then(() => process.exit(0)))
