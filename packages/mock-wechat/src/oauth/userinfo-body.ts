import { UserinfoRegionMode } from '../config'
import { avatarUrl, type Persona } from '../state/personas'
import { localiseRegion, type UserinfoLang } from './regions'

/**
 * The body of sns/userinfo, fields in WeChat's order. Since 2021-10-20 WeChat answers sex 0 and
 * empty province/city/country for everyone (公众平台用户信息相关接口调整公告); `legacy` mode
 * restores the old answer for apps written before then.
 */
export function userinfoBody(persona: Persona, options: { lang: UserinfoLang, mode: UserinfoRegionMode, mockOrigin: string }) {
  const legacy = options.mode === UserinfoRegionMode.Legacy
  const region = (name: string) => (legacy ? localiseRegion(name, options.lang) : '')
  return {
    openid: persona.openid,
    nickname: persona.nickname,
    sex: legacy ? persona.sex : 0,
    province: region(persona.province),
    city: region(persona.city),
    country: region(persona.country),
    headimgurl: avatarUrl(persona, options.mockOrigin),
    privilege: [] as string[],
    ...(persona.unionid ? { unionid: persona.unionid } : {}),
  }
}
