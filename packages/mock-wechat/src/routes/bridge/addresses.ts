import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema } from '../../schemas/control'
import { addressesOf, MockAddressSchema } from '../../state/addresses'

const AddressesQuerySchema = Type.Object({
  device: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'the id the in-page client keeps in the shop\'s storage, as for /__bridge/session' }),
})

/**
 * GET /__bridge/addresses?device=: the address book of the user this browser plays, for the
 * in-page client's wx.openAddress picker. Empty for a browser that has not signed in yet (the real
 * phone always has a user; the mock learns it from the first authorize). Mock-only, like /session.
 */
const addresses: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  fastify.get('/__bridge/addresses', {
    schema: {
      querystring: AddressesQuerySchema,
      response: { 200: Type.Object({ addresses: Type.Array(MockAddressSchema) }), 400: ControlErrorSchema },
    },
  }, async (request) => {
    const openid = store.devices.ownerOf(request.query.device)
    const persona = openid === undefined ? undefined : store.personas.get(openid)
    return { addresses: persona ? addressesOf(persona) : [] }
  })
}

export default addresses
