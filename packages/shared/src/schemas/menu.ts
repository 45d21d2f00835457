import { type Static, Type } from 'typebox'

/**
 * The Official Account's custom menu (自定义菜单) as `cgi-bin/menu/create` takes it. The shop's menu
 * data (apps/api) is checked against MenuSchema before it is published; the mock WeChat applies
 * WeChat's own rules with WeChat's errcodes, using the limits below.
 */

/** WeChat's limits; names, keys and URLs are counted in UTF-8 bytes (a Chinese character is 3). */
export const MenuLimits = {
  buttons: 3,
  subButtons: 5,
  nameBytes: 16,
  subNameBytes: 60,
  keyBytes: 128,
  urlBytes: 1024,
} as const

/** Button types that push an event with the button's `key` (click and the scan / photo / location pickers). */
export const KEY_BUTTON_TYPES = ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'] as const
export const MEDIA_BUTTON_TYPES = ['media_id', 'view_limited'] as const
export const ARTICLE_BUTTON_TYPES = ['article_id', 'article_view_limited'] as const
export const MENU_BUTTON_TYPES = [...KEY_BUTTON_TYPES, 'view', ...MEDIA_BUTTON_TYPES, ...ARTICLE_BUTTON_TYPES, 'miniprogram'] as const
export type MenuButtonType = typeof MENU_BUTTON_TYPES[number]

/** How many bytes WeChat counts for a name, key or URL. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    // a lone surrogate is sent as U+FFFD, 3 bytes
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

const strict = { additionalProperties: false } as const
const Name = Type.String({ minLength: 1 })
const HttpUrl = Type.String({ pattern: '^https?://\\S+$' })

/** A button that does something when tapped (a top-level button without sub-buttons, or a sub-button). */
export const MenuActionButtonSchema = Type.Union([
  Type.Object({ type: Type.Enum([...KEY_BUTTON_TYPES]), name: Name, key: Type.String({ minLength: 1 }) }, strict),
  Type.Object({ type: Type.Literal('view'), name: Name, url: HttpUrl }, strict),
  Type.Object({ type: Type.Enum([...MEDIA_BUTTON_TYPES]), name: Name, media_id: Type.String({ minLength: 1 }) }, strict),
  Type.Object({ type: Type.Enum([...ARTICLE_BUTTON_TYPES]), name: Name, article_id: Type.String({ minLength: 1 }) }, strict),
  Type.Object({ type: Type.Literal('miniprogram'), name: Name, url: HttpUrl, appid: Type.String({ pattern: '^wx[0-9a-f]{16}$' }), pagepath: Type.String({ minLength: 1 }) }, strict),
])
export type MenuActionButton = Static<typeof MenuActionButtonSchema>

/** A top-level button that opens a list of sub-buttons; it has no type of its own. */
export const MenuParentButtonSchema = Type.Object({
  name: Name,
  sub_button: Type.Array(MenuActionButtonSchema, { minItems: 1, maxItems: MenuLimits.subButtons }),
}, strict)
export type MenuParentButton = Static<typeof MenuParentButtonSchema>

export const MenuButtonSchema = Type.Union([MenuActionButtonSchema, MenuParentButtonSchema])
export type MenuButton = Static<typeof MenuButtonSchema>

/** The body of `POST /cgi-bin/menu/create`. */
export const MenuSchema = Type.Object({
  button: Type.Array(MenuButtonSchema, { minItems: 1, maxItems: MenuLimits.buttons }),
}, strict)
export type Menu = Static<typeof MenuSchema>
