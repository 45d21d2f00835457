import { EVENT_KIND_NAMES, EVENT_KINDS, type KindSpec, MESSAGE_KINDS, type PushMessage } from './push-message'
import { buildXml, type XmlInputFields } from './xml-build'
import type { XmlFields } from './xml-parse'

// The inverse of parseMessage, for whoever plays WeChat (the mock's pusher, tests): a typed push
// back into the XML WeChat sends, with WeChat's own spelling of MsgType and Event.

/** How WeChat writes each modelled Event (lower-cased key → WeChat's case). */
const EVENT_NAMES: Record<string, string> = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  scan: 'SCAN',
  location: 'LOCATION',
  click: 'CLICK',
  view: 'VIEW',
  templatesendjobfinish: 'TEMPLATESENDJOBFINISH',
}

function fieldsOf(message: PushMessage, spec: KindSpec): XmlInputFields {
  const fields: XmlInputFields = {}
  const written = new Set<string>()
  const values = message as unknown as Record<string, string | number | undefined>
  for (const [name, field] of Object.entries(spec.fields)) {
    // a property WeChat spells two ways (MsgID / MsgId) is written once, the first way
    if (written.has(field.key) || values[field.key] === undefined)
      continue
    fields[name] = values[field.key]
    written.add(field.key)
  }
  return fields
}

/** The plaintext XML WeChat would push for `message`; an unknown kind is written back field for field. */
export function buildPushXml(message: PushMessage): string {
  if (message.kind === 'unknown')
    return buildXml(message.fields as XmlFields)
  const event = Object.keys(EVENT_KIND_NAMES).find(name => EVENT_KIND_NAMES[name] === message.kind)
  if (event) {
    const { ToUserName, FromUserName, CreateTime, ...rest } = fieldsOf(message, EVENT_KINDS[event]!)
    return buildXml({ ToUserName, FromUserName, CreateTime, MsgType: 'event', Event: EVENT_NAMES[event], ...rest })
  }
  const { ToUserName, FromUserName, CreateTime, ...rest } = fieldsOf(message, MESSAGE_KINDS[message.kind]!)
  return buildXml({ ToUserName, FromUserName, CreateTime, MsgType: message.kind, ...rest })
}
