import { MessageRefusal, MessageRefusedError } from './errors'
import { EVENT_KIND_NAMES, EVENT_KINDS, type KindSpec, MESSAGE_KINDS, type PushMessage, UnknownPushSchema } from './push-message'
import { schemaProblem } from './schema-check'
import { parseXmlDocument, type XmlFields, type XmlLimits } from './xml-parse'

const INTEGER = /^\d{1,15}$/
const DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/
const SCENE_PREFIX = 'qrscene_'

/** A field's text as the spec's type; anything else is left as found, so the schema check names it. */
function convert(value: unknown, type: KindSpec['fields'][string]['type']): unknown {
  if (typeof value !== 'string' || type === 'text')
    return value
  const trimmed = value.trim()
  return (type === 'integer' ? INTEGER : DECIMAL).test(trimmed) ? Number(trimmed) : value
}

function invalid(what: string, detail: string): MessageRefusedError {
  return new MessageRefusedError(MessageRefusal.invalidMessage, `${what}: ${detail}`)
}

function build(kind: string, spec: KindSpec, fields: XmlFields, what: string): PushMessage {
  const message: Record<string, unknown> = { kind }
  for (const [name, field] of Object.entries(spec.fields)) {
    if (fields[name] !== undefined)
      message[field.key] = convert(fields[name], field.type)
  }
  if (kind === 'subscribe' && typeof message.eventKey === 'string' && message.eventKey.startsWith(SCENE_PREFIX))
    message.scene = message.eventKey.slice(SCENE_PREFIX.length)
  const problem = schemaProblem(spec.schema, message)
  if (problem)
    throw invalid(what, problem)
  return message as PushMessage
}

/**
 * The typed message of a push's fields (from parseXmlDocument): a known kind, or `unknown` with every
 * field kept. Throws MessageRefusedError (invalid-message) when a known kind lacks a required field or
 * a number is not a number, and when even the envelope (ToUserName, FromUserName, CreateTime, MsgType) is wrong.
 */
export function parseMessage(fields: XmlFields): PushMessage {
  const msgType = fields.MsgType
  if (typeof msgType !== 'string' || msgType === '')
    throw invalid('push', 'MsgType is missing')
  const event = fields.Event
  const spec = msgType === 'event'
    ? (typeof event === 'string' ? EVENT_KINDS[event.toLowerCase()] : undefined)
    : MESSAGE_KINDS[msgType]
  if (spec) {
    const kind = msgType === 'event' ? EVENT_KIND_NAMES[(event as string).toLowerCase()]! : msgType
    return build(kind, spec, fields, msgType === 'event' ? `event ${event as string}` : `${msgType} message`)
  }
  const unknown: Record<string, unknown> = {
    kind: 'unknown',
    toUserName: fields.ToUserName,
    fromUserName: fields.FromUserName,
    createTime: convert(fields.CreateTime, 'integer'),
    msgType,
    fields,
  }
  if (event !== undefined)
    unknown.event = event
  const problem = schemaProblem(UnknownPushSchema, unknown)
  if (problem)
    throw invalid(`${msgType} push`, problem)
  return unknown as PushMessage
}

/** parseXmlDocument then parseMessage: the typed message of a push's (decrypted) XML. */
export function parseMessageXml(xml: string, limits?: XmlLimits): PushMessage {
  return parseMessage(parseXmlDocument(xml, limits))
}

/**
 * What identifies one push across WeChat's retries: MsgId for a message, FromUserName + CreateTime +
 * Event for an event (WECHAT.md: WeChat repeats a push it got no answer to within 5 s).
 */
export function pushDedupeKey(message: PushMessage): string {
  if ('msgId' in message && message.kind !== 'template-send-job-finish')
    return `msg:${message.msgId}`
  if (message.kind === 'unknown') {
    const msgId = message.fields.MsgId ?? message.fields.MsgID
    if (typeof msgId === 'string' && msgId !== '')
      return `msg:${msgId}`
    return `event:${message.fromUserName}:${message.createTime}:${message.event ?? message.msgType}`
  }
  return `event:${message.fromUserName}:${message.createTime}:${message.kind}`
}
