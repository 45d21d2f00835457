import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { WechatClient } from '@wxshop/shared'
import { Type } from 'typebox'
import { isOnJsSafeDomain, jsSafeDomain } from '../../jssdk/safe-domain'
import { ControlErrorSchema } from '../../schemas/control'
import { ShareApi } from '../../state/shares'

const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }))

const ShareBodySchema = Type.Object({
  api: Type.Enum(Object.values(ShareApi)),
  // as the page passed them to the JS-SDK; a missing one is answered, not refused
  title: Text(512),
  desc: Text(1024),
  link: Text(2048),
  imgUrl: Text(2048),
  pageUrl: Type.String({ maxLength: 4096 }),
  client: Type.Enum([WechatClient.Ios, WechatClient.Android]),
}, { additionalProperties: false })

/**
 * POST /__bridge/share: what the page set with updateAppMessageShareData / updateTimelineShareData,
 * reported by the in-page client once the page may use the API. The link must be on the JS safe
 * domain ("该链接域名或路径必须与当前页面对应的公众号JS安全域名一致"), else `…:fail` and nothing is kept.
 */
const share: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  fastify.post('/__bridge/share', {
    schema: {
      body: ShareBodySchema,
      response: { 200: Type.Object({ errMsg: Type.String() }), 400: ControlErrorSchema },
    },
  }, async (request) => {
    const { api, title, desc, link, imgUrl, pageUrl, client } = request.body
    if (link === undefined || !isOnJsSafeDomain(link, store.config))
      return { errMsg: `${api}:fail, the link must be on the JS safe domain ${jsSafeDomain(store.config)}` }
    store.shares.add({
      api,
      title: title ?? '',
      ...(api === ShareApi.AppMessage ? { desc: desc ?? '' } : {}),
      link,
      imgUrl: imgUrl ?? '',
      pageUrl,
      client,
      at: new Date(store.now()).toISOString(),
    })
    return { errMsg: `${api}:ok` }
  })
}

export default share
