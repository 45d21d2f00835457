import { type TOptional, type TString, Type } from 'typebox'

/**
 * A querystring schema for an emulated WeChat endpoint: every parameter optional and a string.
 * WeChat never answers 400; a missing or odd parameter gets its errcode from the handler instead.
 */
export function wechatQuery<const Name extends string>(...names: Name[]) {
  const properties = Object.fromEntries(names.map(name => [name, Type.Optional(Type.String())]))
  return Type.Object(properties as Record<Name, TOptional<TString>>)
}
