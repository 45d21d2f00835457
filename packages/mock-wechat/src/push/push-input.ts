import {
  buildPushXml, EVENT_KIND_NAMES, EVENT_KINDS, type KindSpec, MESSAGE_KINDS, MessageRefusedError, parseMessage, parseXmlDocument,
  type PushMessage, XmlRefusedError, type XmlFields,
} from '@wxshop/shared/wechat-message'
import { randomBytes } from 'node:crypto'

// What `POST /__control/push` sends: raw XML as given, or a typed push (shared's PushMessage) that
// the mock completes the way WeChat fills these fields in.

/** A control body the mock refuses (400): it names what is wrong. */
export class PushInputError extends Error {
  override name = 'PushInputError'
}

export interface PushPlaintext {
  /** The plaintext XML WeChat would push. */
  xml: string
  fields: XmlFields
  /** The typed push, when the XML is one we model (raw XML may be anything with an `<xml>` root). */
  message?: PushMessage
}

const MESSAGE_KIND_NAMES = Object.keys(MESSAGE_KINDS)
const EVENT_KIND_OF = new Map<string, KindSpec>(Object.entries(EVENT_KIND_NAMES).map(([event, kind]) => [kind, EVENT_KINDS[event]!]))
const KINDS = [...MESSAGE_KIND_NAMES, ...EVENT_KIND_OF.keys(), 'unknown']

/** A 64-bit message id as decimal text, 19 digits like WeChat's (e.g. 6054768590064713728). */
export function newMsgId(): string {
  return String(10n ** 18n + randomBytes(8).readBigUInt64BE() % (9n * 10n ** 18n))
}

function typedProperties(kind: string): Set<string> {
  if (kind === 'unknown')
    return new Set(['msgType', 'event', 'fields'])
  const spec = MESSAGE_KINDS[kind] ?? EVENT_KIND_OF.get(kind)!
  const names = new Set(Object.values(spec.fields).map(field => field.key))
  // parseMessage derives the scene of a QR-code follow from its eventKey: accepted, not written
  if (kind === 'subscribe')
    names.add('scene')
  return names
}

export interface PushDefaults {
  /** The account's original id (ToUserName). */
  originalId: string
  /** Now, in milliseconds (CreateTime is whole seconds). */
  now: number
}

/** The XML of a typed push: ToUserName the account, CreateTime now and a new MsgId for a message unless given. */
export function plaintextOfFields(input: Record<string, unknown>, defaults: PushDefaults): PushPlaintext {
  const kind = input.kind
  if (typeof kind !== 'string' || !KINDS.includes(kind))
    throw new PushInputError(`fields.kind must be one of ${KINDS.join(', ')}; got ${JSON.stringify(kind)}`)
  const allowed = typedProperties(kind)
  const unknown = Object.keys(input).find(name => name !== 'kind' && !allowed.has(name))
  if (unknown)
    throw new PushInputError(`fields has an unknown property ${JSON.stringify(unknown)} for kind ${kind}`)
  const completed: Record<string, unknown> = {
    toUserName: defaults.originalId,
    createTime: Math.floor(defaults.now / 1000),
    ...(MESSAGE_KIND_NAMES.includes(kind) ? { msgId: newMsgId() } : {}),
    ...input,
  }
  if (kind === 'unknown' && (typeof completed.fields !== 'object' || completed.fields === null))
    throw new PushInputError('fields.fields must be an object of XML fields for kind unknown')
  let xml: string
  try {
    xml = buildPushXml(completed as PushMessage)
  } catch (err) {
    throw new PushInputError(`fields cannot be written as XML: ${(err as Error).message}`)
  }
  // read back as the app will: a missing or mistyped field is refused here, named by the schema
  return plaintextOfXml(xml, true)
}

/** Raw plaintext XML: it must have WeChat's `<xml>` root; `strict` also requires a well-formed modelled message. */
export function plaintextOfXml(xml: string, strict = false): PushPlaintext {
  let fields: XmlFields
  try {
    fields = parseXmlDocument(xml)
  } catch (err) {
    if (err instanceof XmlRefusedError)
      throw new PushInputError(`xml is not a WeChat push: ${err.message}`)
    throw err
  }
  try {
    return { xml, fields, message: parseMessage(fields) }
  } catch (err) {
    if (!(err instanceof MessageRefusedError))
      throw err
    if (strict)
      throw new PushInputError(`fields: ${err.message}`)
    // raw XML may be a broken push on purpose, to see how the app refuses it
    return { xml, fields }
  }
}
