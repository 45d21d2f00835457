import { XMLParser } from 'fast-xml-parser'

// WeChat's XML (Pay APIv2, message push): one flat <xml> element of text fields. Anything that is
// not that shape is refused rather than guessed at.

/** A DOCTYPE is how XXE and entity-expansion attacks start; WeChat never sends one. */
const DOCTYPE = /<!DOCTYPE|<!ENTITY/i
const FIELD_NAME = /^[A-Z_][\w.-]*$/i

const parser = new XMLParser({
  // entities stay as written: no expansion, so no billion-laughs, and nothing external is read
  processEntities: false,
  htmlEntities: false,
  // every value stays text: "0001" must not become 1, and a sign is computed over the text
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  trimValues: false,
})

export class XmlRefusedError extends Error {
  constructor(reason: string) {
    super(`XML refused: ${reason}`)
    this.name = 'XmlRefusedError'
  }
}

/** The fields of `<xml>…</xml>` as text; throws XmlRefusedError for a DOCTYPE, nesting or another root. */
export function parseXml(text: string): Record<string, string> {
  if (DOCTYPE.test(text))
    throw new XmlRefusedError('a DOCTYPE or ENTITY declaration')
  let document: unknown
  try {
    document = parser.parse(text, true)
  } catch (err) {
    throw new XmlRefusedError(err instanceof Error ? err.message : 'not well-formed')
  }
  const root = (document as { xml?: unknown }).xml
  if (root === '' || root === undefined)
    throw new XmlRefusedError(root === '' ? 'an empty <xml> element' : 'the root element is not <xml>')
  if (typeof root !== 'object' || root === null)
    throw new XmlRefusedError('<xml> holds text, not fields')
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(root)) {
    if (typeof value !== 'string')
      throw new XmlRefusedError(`field ${name} is ${Array.isArray(value) ? 'repeated' : 'nested'}`)
    fields[name] = value
  }
  return fields
}

/** `<xml>` with each field as CDATA, the form WeChat Pay APIv2 and passive replies expect. */
export function buildXml(fields: Record<string, string | number>): string {
  const body = Object.entries(fields).map(([name, value]) => {
    if (!FIELD_NAME.test(name))
      throw new Error(`not an XML field name: ${JSON.stringify(name)}`)
    if (typeof value === 'number')
      return `<${name}>${value}</${name}>`
    // "]]>" cannot appear inside CDATA: end the section before ">" and start another
    return `<${name}><![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`
  })
  return `<xml>${body.join('')}</xml>`
}
