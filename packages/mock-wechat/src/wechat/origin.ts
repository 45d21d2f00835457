import type { FastifyRequest } from 'fastify'

/** The mock's origin as the caller reached it, for absolute URLs such as avatars. */
export function mockOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}
