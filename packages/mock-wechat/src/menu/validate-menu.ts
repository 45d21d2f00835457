import { ARTICLE_BUTTON_TYPES, KEY_BUTTON_TYPES, MEDIA_BUTTON_TYPES, MenuLimits, utf8ByteLength } from '@wxshop/shared'
import type { MenuButtonRecord, MenuRecord } from '../state/menus'

/** The errcodes of one menu level: WeChat tells a top-level button's fault from a sub-button's. */
interface LevelCodes { type: number, name: number, key: number, url: number, urlDomain: number, nameBytes: number }

const TOP: LevelCodes = { type: 40017, name: 40018, key: 40019, url: 40020, urlDomain: 40055, nameBytes: MenuLimits.nameBytes }
const SUB: LevelCodes = { type: 40024, name: 40025, key: 40026, url: 40027, urlDomain: 40054, nameBytes: MenuLimits.subNameBytes }

const keyTypes = new Set<string>(KEY_BUTTON_TYPES)
const mediaTypes = new Set<string>(MEDIA_BUTTON_TYPES)
const articleTypes = new Set<string>(ARTICLE_BUTTON_TYPES)
const MINI_PROGRAM_APPID = /^wx[0-9a-f]{16}$/

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const fits = (value: unknown, maxBytes: number): value is string => typeof value === 'string' && value !== '' && utf8ByteLength(value) <= maxBytes
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** A button that acts when tapped: its type and the fields that type needs, nothing else (as menu/get answers it). */
function actionButton(button: Record<string, unknown>, codes: LevelCodes): MenuButtonRecord | number {
  const { name, type } = button
  if (!fits(name, codes.nameBytes))
    return codes.name
  if (typeof type !== 'string')
    return codes.type
  if (keyTypes.has(type))
    return fits(button.key, MenuLimits.keyBytes) ? { type, name, key: button.key, sub_button: [] } : codes.key
  if (type === 'view' || type === 'miniprogram') {
    const { url } = button
    if (!fits(url, MenuLimits.urlBytes))
      return codes.url
    if (!/^https?:\/\/\S+$/i.test(url))
      return codes.urlDomain
    if (type === 'view')
      return { type, name, url, sub_button: [] }
    if (typeof button.appid !== 'string' || !MINI_PROGRAM_APPID.test(button.appid))
      return 40166
    if (!nonEmpty(button.pagepath))
      return 40165
    return { type, name, url, appid: button.appid, pagepath: button.pagepath, sub_button: [] }
  }
  if (mediaTypes.has(type))
    return nonEmpty(button.media_id) ? { type, name, media_id: button.media_id, sub_button: [] } : 40007
  if (articleTypes.has(type))
    return nonEmpty(button.article_id) ? { type, name, article_id: button.article_id, sub_button: [] } : 53600
  return codes.type
}

/** A top-level button: a list of sub-buttons (and then no type), or a button that acts itself. */
function topButton(button: unknown): MenuButtonRecord | number {
  if (!isObject(button))
    return TOP.type
  const subs = button.sub_button
  if (subs !== undefined && !Array.isArray(subs))
    return 40023
  // An empty sub_button list (as menu/get answers every action button) means none.
  if (!subs || subs.length === 0)
    return actionButton(button, TOP)
  if (!fits(button.name, TOP.nameBytes))
    return TOP.name
  if (button.type !== undefined)
    return TOP.type
  if (subs.length > MenuLimits.subButtons)
    return 40023
  const records: MenuButtonRecord[] = []
  for (const sub of subs) {
    if (!isObject(sub))
      return SUB.type
    // Menus have two levels: a sub-button cannot open a list of its own.
    if (Array.isArray(sub.sub_button) && sub.sub_button.length > 0)
      return 40022
    const record = actionButton(sub, SUB)
    if (typeof record === 'number')
      return record
    records.push(record)
  }
  return { name: button.name, sub_button: records }
}

/**
 * Checks a `menu/create` body with WeChat's rules, in order: 1–3 top-level buttons (40016), each
 * either a list of 1–5 sub-buttons (40023; a third level 40022) without a type, or a button of a
 * known type (40017 / 40024) with a name (16 / 60 UTF-8 bytes: 40018 / 40025) and what its type needs:
 * a key ≤ 128 bytes (40019 / 40026), an http(s) url ≤ 1024 bytes (40020 / 40027, other schemes
 * 40055 / 40054), a media_id (40007), an article_id (53600), a mini program's appid (40166) and
 * pagepath (40165). Answers the menu as `menu/get` will show it, or the errcode of the first fault.
 */
export function validateMenu(body: Record<string, unknown>): MenuRecord | number {
  const { button } = body
  if (!Array.isArray(button) || button.length === 0 || button.length > MenuLimits.buttons)
    return 40016
  const records: MenuButtonRecord[] = []
  for (const entry of button) {
    const record = topButton(entry)
    if (typeof record === 'number')
      return record
    records.push(record)
  }
  return { button: records }
}

/**
 * WeChat refuses a menu whose JSON escapes characters as `\uXXXX` (40033 "invalid charset"): a
 * client must send Chinese names as UTF-8, not escaped (JSON.stringify does; some encoders do not).
 */
export function hasUnicodeEscape(raw: string): boolean {
  return /\\u[0-9a-f]{4}/i.test(raw)
}
