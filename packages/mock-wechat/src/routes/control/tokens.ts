import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { currentToken } from '../../credentials/access-tokens'
import { currentTicket } from '../../credentials/tickets'
import { TicketType, TokenSource } from '../../state/server-credentials'

/**
 * GET /__control/tokens: the live current access_token and jsapi_ticket (or null), so tests can check
 * signatures. With both interfaces in use, `accessToken` is the one issued last; `stableAccessToken`
 * and `tokenAccessToken` name each interface's own.
 */
const tokens: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  const Nullable = Type.Union([Type.String(), Type.Null()])

  fastify.get('/tokens', {
    schema: { response: { 200: Type.Object({ accessToken: Nullable, jsapiTicket: Nullable, stableAccessToken: Nullable, tokenAccessToken: Nullable }) } },
  }, async () => {
    const stable = currentToken(store, TokenSource.Stable)
    const plain = currentToken(store, TokenSource.Token)
    const latest = [stable, plain].filter(t => t !== undefined).sort((a, b) => b.entry.expiresAt - a.entry.expiresAt)[0]
    return {
      accessToken: latest?.token ?? null,
      jsapiTicket: currentTicket(store, TicketType.Jsapi),
      stableAccessToken: stable?.token ?? null,
      tokenAccessToken: plain?.token ?? null,
    }
  })
}

export default tokens
