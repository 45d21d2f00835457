import { XMLParser } from 'fast-xml-parser'
import { XmlRefusedError } from './errors'

// WeChat's XML (Pay APIv2, message push): one <xml> root of text fields; a few events nest
// (ScanCodeInfo, SendLocationInfo, SendPicsInfo > PicList > item). Anything else is refused, not guessed at.

/** A DOCTYPE is how XXE and entity-expansion attacks start; WeChat never sends one. */
const DOCTYPE = /<!DOCTYPE|<!ENTITY/i

/** An element's content: text, nested fields, or a repeated element's list. */
export type XmlValue = string | XmlFields | XmlValue[]
export interface XmlFields { [name: string]: XmlValue }

export interface XmlLimits {
  /** Characters of the whole document; the endpoint's body limit is the first bound, this the second. */
  maxLength?: number
  /** Element levels below <xml>: SendPicsInfo > PicList > item > PicMd5Sum is 4, WeChat's deepest. */
  maxDepth?: number
}
const DEFAULT_LIMITS = { maxLength: 64 * 1024, maxDepth: 4 }

const parsers = new Map<number, XMLParser>()
// built on first use, so importing shared (as the SPA does) runs nothing
function parserFor(maxDepth: number): XMLParser {
  let parser = parsers.get(maxDepth)
  if (!parser) {
    parser = new XMLParser({
      // entities stay as written: no expansion, so no billion-laughs, and nothing external is read
      processEntities: false,
      htmlEntities: false,
      // every value stays text: "0001" must not become 1, a sign is computed over the text, MsgId exceeds 2^53
      parseTagValue: false,
      parseAttributeValue: false,
      ignoreAttributes: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      trimValues: false,
      // the parser's own bound, checked before any object is built (it counts the open ancestors of a tag)
      maxNestedTags: maxDepth,
    })
    parsers.set(maxDepth, parser)
  }
  return parser
}

/** The fields of `<xml>…</xml>`, nested where WeChat nests; throws XmlRefusedError for anything hostile or odd. */
export function parseXmlDocument(text: string, limits: XmlLimits = {}): XmlFields {
  const { maxLength, maxDepth } = { ...DEFAULT_LIMITS, ...limits }
  if (text.length > maxLength)
    throw new XmlRefusedError(`longer than ${maxLength} characters`)
  if (DOCTYPE.test(text))
    throw new XmlRefusedError('a DOCTYPE or ENTITY declaration')
  let document: unknown
  try {
    document = parserFor(maxDepth).parse(text, true)
  } catch (err) {
    throw new XmlRefusedError(err instanceof Error ? err.message : 'not well-formed')
  }
  const keys = Object.keys(document as object)
  if (keys.length !== 1 || keys[0] !== 'xml')
    throw new XmlRefusedError('the root element is not <xml>')
  const root = (document as { xml: unknown }).xml
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    throw new XmlRefusedError('<xml> holds no fields')
  return toFields(root as Record<string, unknown>, 'xml')
}

// the depth is bounded by the parser (maxNestedTags) before any object is built
function toFields(node: Record<string, unknown>, path: string): XmlFields {
  const fields: XmlFields = {}
  for (const [name, value] of Object.entries(node)) {
    if (name === '#text') {
      // whitespace between elements is layout; other text beside elements is not WeChat's shape
      if (typeof value === 'string' && value.trim() === '')
        continue
      throw new XmlRefusedError(`${path} mixes text and elements`)
    }
    fields[name] = toValue(value, `${path}.${name}`)
  }
  return fields
}

function toValue(value: unknown, path: string): XmlValue {
  if (typeof value === 'string')
    return value
  if (Array.isArray(value))
    return value.map(item => toValue(item, path))
  if (typeof value === 'object' && value !== null)
    return toFields(value as Record<string, unknown>, path)
  throw new XmlRefusedError(`${path} is not text`)
}

/** The flat fields of `<xml>…</xml>` as text (WeChat Pay APIv2); nesting or a repeated field is refused. */
export function parseXml(text: string, limits: Pick<XmlLimits, 'maxLength'> = {}): Record<string, string> {
  const document = parseXmlDocument(text, { ...limits, maxDepth: 1 })
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(document)) {
    if (typeof value !== 'string')
      throw new XmlRefusedError(`field ${name} is ${Array.isArray(value) ? 'repeated' : 'nested'}`)
    fields[name] = value
  }
  return fields
}
