import type { Persona } from '../state/personas'
import type { Store } from '../state/store'

/**
 * The WeChat user a browser plays, as its in-page client asks from the shop's page. A page that
 * the mock's authorize sent back carries a code: the persona the mock issued it for (the phone's
 * owner, also behind a snapshot code) becomes this device's owner. Only live codes count, so an old
 * URL reloaded later cannot switch the phone back. Codes the mock never issued change nothing.
 */
export function deviceOwner(store: Store, device: string, code?: string): Persona | undefined {
  const entry = code === undefined ? undefined : store.codes.get(code)
  if (entry && store.codes.isLive(entry))
    store.devices.link(device, entry.value.personaOpenid)
  const openid = store.devices.ownerOf(device)
  return openid === undefined ? undefined : store.personas.get(openid)
}
