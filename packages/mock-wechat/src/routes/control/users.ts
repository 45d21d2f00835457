import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { MAX_ADDRESSES, MockAddressSchema } from '../../state/addresses'
import { avatarUrl, type Persona } from '../../state/personas'
import { UserFieldsSchema, UserParamsSchema, UserSchema } from '../../schemas/control'
import { mockOrigin } from '../../wechat/origin'

// `addresses` replaces the user's address book for wx.openAddress ([]: none); the in-page client
// reads it through GET /__bridge/addresses, so the user view stays as it was
const UserBodySchema = Type.Object({
  ...UserFieldsSchema.properties,
  addresses: Type.Optional(Type.Array(MockAddressSchema, { maxItems: MAX_ADDRESSES })),
}, { additionalProperties: false })

/** PUT /__control/users/:openid defines a WeChat user; GET /__control/users lists them. */
const users: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  const view = (persona: Persona, origin: string) => {
    const { createdAt: _createdAt, addresses: _addresses, ...fields } = persona
    return { ...fields, headimgurl: avatarUrl(persona, origin) }
  }

  fastify.put('/users/:openid', {
    schema: {
      params: UserParamsSchema,
      body: UserBodySchema,
      response: { 200: Type.Object({ created: Type.Boolean(), user: UserSchema }) },
    },
  }, async (request) => {
    const { persona, created } = store.personas.upsert(request.params.openid, request.body)
    return { created, user: view(persona, mockOrigin(request)) }
  })

  fastify.get('/users', {
    schema: { response: { 200: Type.Object({ users: Type.Array(UserSchema) }) } },
  }, async (request) => {
    const origin = mockOrigin(request)
    return { users: store.personas.list().map(p => view(p, origin)) }
  })
}

export default users
