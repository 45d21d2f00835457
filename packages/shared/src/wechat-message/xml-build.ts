// The one way we write WeChat's XML: text as CDATA, numbers bare, nested elements and repeated
// `<item>`s (news articles) as objects and arrays.

const FIELD_NAME = /^[A-Z_][\w.-]*$/i

/** What the builder writes: text (CDATA), a number (bare), nested fields, or a list of repeated elements. */
export type XmlInput = string | number | XmlInputFields | XmlInput[]
export interface XmlInputFields { [name: string]: XmlInput | undefined }

/** `text` as one or more CDATA sections: "]]>" cannot appear inside one, so the section is split between "]]" and ">". */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

function element(name: string, value: XmlInput): string {
  if (!FIELD_NAME.test(name))
    throw new Error(`not an XML field name: ${JSON.stringify(name)}`)
  if (Array.isArray(value))
    return value.map(item => element(name, item)).join('')
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new TypeError(`${name} is not a finite number`)
    return `<${name}>${value}</${name}>`
  }
  if (typeof value === 'string')
    return `<${name}>${cdata(value)}</${name}>`
  return `<${name}>${children(value)}</${name}>`
}

function children(fields: XmlInputFields): string {
  let body = ''
  for (const [name, value] of Object.entries(fields)) {
    // an absent optional field (a video reply without a title) is left out, not written empty
    if (value !== undefined)
      body += element(name, value)
  }
  return body
}

/** `<xml>` with each field as CDATA, the form WeChat Pay APIv2, passive replies and encrypted envelopes use. */
export function buildXml(fields: XmlInputFields): string {
  return `<xml>${children(fields)}</xml>`
}
