import type { Persona } from '../state/personas'
import type { Store } from '../state/store'

/** The cookie on the mock's origin that says who owns the phone. */
export const PERSONA_COOKIE = 'mockwx_user'

/**
 * Who opens the link: the openid that next-login or the persona picker names (created if unknown),
 * else the persona in the cookie, else a new WeChat user, just as a stranger's phone would be.
 */
export function currentPersona(store: Store, options: { requested?: string, cookie?: string }): Persona {
  const { requested, cookie } = options
  if (requested)
    return store.personas.get(requested) ?? store.personas.create(requested)
  return (cookie ? store.personas.get(cookie) : undefined) ?? store.personas.create()
}
