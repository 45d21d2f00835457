import { type Menu, type MenuButton, MenuSchema } from '@wxshop/shared'
import { Value } from 'typebox/value'
import type { WechatServerApi } from '../server-api'
import type { CallContext } from '../token-service'

/** Our menu data breaks MenuSchema: caught before WeChat is asked. */
export class MenuDataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MenuDataError'
  }
}

/**
 * A menu as `menu/get` answers it, back in the shape `menu/create` takes: WeChat adds an empty
 * `sub_button` to every button that acts itself.
 */
export function menuFromAnswer(answer: unknown): Menu {
  const buttons = (answer as { button?: unknown } | undefined)?.button
  if (!Array.isArray(buttons))
    throw new MenuDataError('menu/get answered no button list')
  const strip = (button: Record<string, unknown>): Record<string, unknown> => {
    const { sub_button: subs, ...rest } = button
    return Array.isArray(subs) && subs.length > 0 ? { ...rest, sub_button: subs.map(strip) } : rest
  }
  return { button: buttons.map(button => strip(button as Record<string, unknown>) as MenuButton) }
}

/** Checks the data against MenuSchema, naming the first field at fault. */
export function assertMenu(menu: unknown): asserts menu is Menu {
  const [first] = Value.Errors(MenuSchema, menu)
  if (first)
    throw new MenuDataError(`the menu data is invalid at ${first.instancePath || '/'}: ${first.message}`)
}

/**
 * Publishes `menu` through `menu/create` (the token service's access_token, the server-API
 * client's retry rule), then reads it back with `menu/get`: what users will now see.
 */
export async function publishMenu(api: WechatServerApi, menu: Menu, context: CallContext = {}): Promise<Menu> {
  assertMenu(menu)
  await api.post('/cgi-bin/menu/create', menu, { caller: 'wechat:menu', ...context })
  return currentMenu(api, context)
}

/** The menu WeChat shows now (`menu/get`); a WechatApiError 46003 when there is none. */
export async function currentMenu(api: WechatServerApi, context: CallContext = {}): Promise<Menu> {
  const answer = await api.get('/cgi-bin/menu/get', {}, { caller: 'wechat:menu', ...context })
  return menuFromAnswer(answer.menu)
}

/** Removes the menu (`menu/delete`); WeChat answers ok when there was none. */
export async function deleteMenu(api: WechatServerApi, context: CallContext = {}): Promise<void> {
  await api.get('/cgi-bin/menu/delete', {}, { caller: 'wechat:menu', ...context })
}
