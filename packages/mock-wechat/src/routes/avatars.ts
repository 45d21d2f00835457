import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { personaAvatarSvg } from '../pages/avatar-svg'

const AvatarParamsSchema = Type.Object({ file: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}\\.svg$' }) })

/** GET /avatars/:seed.svg: default persona avatars, drawn by the mock so nothing reaches the network. */
const avatars: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/avatars/:file', { schema: { params: AvatarParamsSchema } }, async (request, reply) => {
    const seed = request.params.file.slice(0, -'.svg'.length)
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(personaAvatarSvg(seed))
  })
}

export default avatars
