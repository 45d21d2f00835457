import type { Persona } from '../state/personas'

/**
 * The body of cgi-bin/user/info, fields in WeChat's order. Since 2021-12-27 WeChat no longer answers
 * nickname, sex, city, province, country or headimgurl here (公众号用户信息获取接口调整); what is
 * left is the follow state and the account-side fields. A user who does not follow gets
 * `subscribe: 0` and the openid only ("值为0时…拉取不到其余信息"). `language` is the user's client
 * language, not `lang` (which only localised the withdrawn region fields): the mock's users use zh_CN.
 * The mock keeps no follow time or scene: subscribe_time is when the persona was created.
 */
export function userInfoBody(persona: Persona) {
  if (persona.subscribe !== 1)
    return { subscribe: 0, openid: persona.openid }
  return {
    subscribe: 1,
    openid: persona.openid,
    language: 'zh_CN',
    subscribe_time: Math.floor(persona.createdAt / 1000),
    ...(persona.unionid ? { unionid: persona.unionid } : {}),
    remark: '',
    groupid: 0,
    tagid_list: [] as number[],
    subscribe_scene: 'ADD_SCENE_OTHERS',
    qr_scene: 0,
    qr_scene_str: '',
  }
}
