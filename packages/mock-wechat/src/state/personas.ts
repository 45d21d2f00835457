import type { MockAddress } from './addresses'
import { newOpenid } from './ids'

export const Sex = { Unknown: 0, Male: 1, Female: 2 } as const
export type Sex = typeof Sex[keyof typeof Sex]

/** A WeChat user the mock can play: the owner of the phone that opens the authorize link. */
export interface Persona {
  openid: string
  nickname: string
  /** An absolute avatar URL; unset means the mock's own `/avatars/<openid>.svg`. */
  headimgurl?: string
  sex: Sex
  province: string
  city: string
  country: string
  /** Set only when the account is bound to an Open Platform account. */
  unionid?: string
  /** Whether the user follows the Official Account (used by cgi-bin/user/info later). */
  subscribe: 0 | 1
  /** The address book wx.openAddress offers, as a test set it ([]: none); unset means two defaults (addresses.ts). */
  addresses?: MockAddress[]
  createdAt: number
}

export type PersonaFields = Partial<Omit<Persona, 'openid' | 'createdAt'>>

const nicknames = ['小明', '晓雯', '阿杰', '思思', '大伟', '佳佳', '老王', '小鹿', '阿珍', '子涵']

export function createPersonas(appId: string, now: () => number) {
  const personas = new Map<string, Persona>()

  function create(openid = newOpenid(appId), fields: PersonaFields = {}): Persona {
    const persona: Persona = {
      openid,
      nickname: nicknames[personas.size % nicknames.length]!,
      sex: Sex.Unknown,
      province: '',
      city: '',
      country: '',
      subscribe: 0,
      createdAt: now(),
      ...fields,
    }
    personas.set(openid, persona)
    return persona
  }

  return {
    get: (openid: string) => personas.get(openid),
    list: () => [...personas.values()],
    create,
    /** Creates or updates a persona (`PUT /__control/users/:openid`); returns it and whether it is new. */
    upsert(openid: string, fields: PersonaFields): { persona: Persona, created: boolean } {
      const existing = personas.get(openid)
      if (!existing)
        return { persona: create(openid, fields), created: true }
      Object.assign(existing, fields)
      return { persona: existing, created: false }
    },
    clear: () => personas.clear(),
  }
}

export type Personas = ReturnType<typeof createPersonas>

/** The avatar a persona shows: its own URL, or one the mock draws, on the mock's own origin. */
export function avatarUrl(persona: Persona, mockOrigin: string): string {
  return persona.headimgurl ?? `${mockOrigin}/avatars/${encodeURIComponent(persona.openid)}.svg`
}
