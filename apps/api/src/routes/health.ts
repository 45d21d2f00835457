import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, ErrorCode, HealthSchema } from '@wxshop/shared'
import { sql } from 'kysely'
import { ApiError } from '../errors'

/** GET /api/health: the process answers and the database answers a query. */
const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify

  fastify.get('/', {
    schema: { response: { 200: HealthSchema, 503: ApiErrorBodySchema } },
  }, async (request) => {
    try {
      await sql`select 1`.execute(db)
    } catch (err) {
      request.log.error({ err }, 'health check: database query failed')
      throw new ApiError(503, ErrorCode.Internal, 'database unavailable')
    }
    return { status: 'ok' as const, database: 'ok' as const, uptimeSeconds: Math.floor(process.uptime()) }
  })
}

export default healthRoutes
