import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { controlGuard } from '../../hooks/control-guard'
import calls from './calls'
import expire from './expire'
import fail from './fail'
import interaction from './interaction'
import messages from './messages'
import nextLogin from './next-login'
import payKeys from './pay-keys'
import payNextResult from './pay-next-result'
import payNotify from './pay-notify'
import payOrders from './pay-orders'
import push from './push'
import reset from './reset'
import scanResult from './scan-result'
import shares from './shares'
import tokens from './tokens'
import users from './users'

/** The control API under /__control: for tests and people, never part of WeChat. */
const controlRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  // First, so every control route refuses what another site's page can send.
  fastify.addHook('onRequest', controlGuard)
  await fastify.register(reset)
  await fastify.register(users)
  await fastify.register(nextLogin)
  await fastify.register(fail)
  await fastify.register(expire)
  await fastify.register(calls)
  await fastify.register(tokens)
  await fastify.register(shares)
  await fastify.register(scanResult)
  await fastify.register(interaction)
  await fastify.register(messages)
  await fastify.register(push)
  await fastify.register(payKeys)
  await fastify.register(payOrders)
  await fastify.register(payNotify)
  await fastify.register(payNextResult)
}

export default controlRoutes
