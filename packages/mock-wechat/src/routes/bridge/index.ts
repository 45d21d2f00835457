import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { pageCors } from '../../hooks/page-cors'
import { shopCors } from '../../hooks/shop-cors'
import addresses from './addresses'
import pay from './pay'
import { preflight } from './preflight'
import scan from './scan'
import script from './script'
import session from './session'
import share from './share'
import verify from './verify'

/**
 * The in-page client: GET /bridge.js and the /__bridge/* calls it makes from the page. What only the
 * shop's pages may ask (who the user is, sharing, scanning, paying, the address book) has CORS for
 * the shop's origin; the
 * wx.config check answers any page, as WeChat checks every page it opens.
 */
const bridgeRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(async (shopOnly) => {
    shopOnly.addHook('onRequest', shopCors)
    await shopOnly.register(preflight('/__bridge/*'))
    await shopOnly.register(script)
    await shopOnly.register(session)
    await shopOnly.register(share)
    await shopOnly.register(scan)
    await shopOnly.register(pay)
    await shopOnly.register(addresses)
  })
  await fastify.register(async (anyPage) => {
    anyPage.addHook('onRequest', pageCors)
    await anyPage.register(preflight('/__bridge/verify'))
    await anyPage.register(verify)
  })
}

export default bridgeRoutes
