import { describe, expect, it } from 'vitest'
import { buildXml, cdata, parseXml, parseXmlDocument, XmlRefusedError } from '../../src/wechat-message'
import { examples } from './push-examples'

describe('parseXmlDocument', () => {
  it('should keep every value as text when WeChat writes numbers, leading zeros and 64-bit ids', () => {
    const fields = parseXmlDocument('<xml><total_fee>0001</total_fee><MsgId>6054768590064713728</MsgId><A><![CDATA[x]]></A></xml>')
    expect(fields).toEqual({ total_fee: '0001', MsgId: '6054768590064713728', A: 'x' })
  })

  it('should parse a nested event into objects when WeChat nests (scancode_push, pic_sysphoto)', () => {
    expect(parseXmlDocument(examples.scancodePush).ScanCodeInfo).toEqual({ ScanType: 'qrcode', ScanResult: '1' })
    expect(parseXmlDocument(examples.picSysphoto).SendPicsInfo).toEqual({
      Count: '1',
      PicList: { item: { PicMd5Sum: '1b5f7c23b5bf75682a53e7b6d163e185' } },
    })
  })

  it('should keep a repeated element as a list when a field repeats', () => {
    expect(parseXmlDocument('<xml><L><item><M>x</M></item><item><M>y</M></item></L></xml>').L).toEqual({ item: [{ M: 'x' }, { M: 'y' }] })
  })

  it.each([
    ['an external entity (XXE)', '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>'],
    ['billion laughs', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><Content>&lol3;</Content></xml>`],
    ['a bare DOCTYPE', '<!doctype xml><xml><A>1</A></xml>'],
    ['an ENTITY without a DOCTYPE', '<xml><!ENTITY a "b"><A>1</A></xml>'],
  ])('should refuse %s before parsing when the body declares a DOCTYPE or ENTITY', (_, body) => {
    expect(() => parseXmlDocument(body)).toThrow(/XML refused: a DOCTYPE or ENTITY declaration/)
  })

  it('should leave an undeclared entity as written when a value holds one (nothing is expanded)', () => {
    expect(parseXmlDocument('<xml><A>a&amp;b&x;</A></xml>').A).toBe('a&amp;b&x;')
  })

  it('should refuse a body when it is longer than the size bound', () => {
    const body = `<xml><A>${'a'.repeat(100)}</A></xml>`
    expect(() => parseXmlDocument(body, { maxLength: 100 })).toThrow(/longer than 100 characters/)
    expect(parseXmlDocument(body, { maxLength: 200 }).A).toHaveLength(100)
    expect(() => parseXmlDocument(`<xml><A>${'a'.repeat(64 * 1024)}</A></xml>`)).toThrow(XmlRefusedError)
  })

  it('should refuse nesting when it is deeper than WeChat ever nests', () => {
    expect(parseXmlDocument('<xml><a><b><c><d>4</d></c></b></a></xml>')).toEqual({ a: { b: { c: { d: '4' } } } })
    expect(() => parseXmlDocument('<xml><a><b><c><d><e>5</e></d></c></b></a></xml>')).toThrow(/Maximum nested tags/)
    expect(() => parseXmlDocument('<xml><a><b>2</b></a></xml>', { maxDepth: 1 })).toThrow(/Maximum nested tags/)
  })

  it('should refuse a document when its root is not <xml>', () => {
    expect(() => parseXmlDocument('<root><A>1</A></root>')).toThrow(/the root element is not <xml>/)
    expect(() => parseXmlDocument('<?xml version="1.0"?><root/>')).toThrow(/the root element is not <xml>/)
  })

  it.each([
    ['two roots', '<xml><A>1</A></xml><xml><A>2</A></xml>'],
    ['text beside fields', '<xml>hello<A>1</A></xml>'],
    ['only text', '<xml>hello</xml>'],
    ['an empty <xml>', '<xml></xml>'],
    ['an unclosed tag', '<xml><A>1</xml>'],
    ['JSON', '{"MsgType":"text"}'],
  ])('should refuse %s when the body is not WeChat\'s shape', (_, body) => {
    expect(() => parseXmlDocument(body)).toThrow(XmlRefusedError)
  })
})

describe('parseXml (flat, Pay APIv2)', () => {
  it('should refuse a nested or repeated field when Pay v2 answers are flat', () => {
    expect(parseXml('<xml><a>1</a><b><![CDATA[2]]></b></xml>')).toEqual({ a: '1', b: '2' })
    expect(() => parseXml('<xml><a><b>1</b></a></xml>')).toThrow(XmlRefusedError)
    expect(() => parseXml('<xml><a>1</a><a>2</a></xml>')).toThrow(/field a is repeated/)
  })
})

describe('buildXml', () => {
  it('should survive a round trip when content contains "]]>"', () => {
    const content = 'a]]>b]]]]>c<![CDATA[d]]>'
    const xml = buildXml({ Content: content })
    expect(xml).toBe('<xml><Content><![CDATA[a]]]]><![CDATA[>b]]]]]]><![CDATA[>c<![CDATA[d]]]]><![CDATA[>]]></Content></xml>')
    expect(parseXmlDocument(xml).Content).toBe(content)
  })

  it('should not let content close its element when it holds markup', () => {
    const content = '</Content><MsgType>news</MsgType>'
    expect(parseXmlDocument(buildXml({ Content: content, MsgType: 'text' }))).toEqual({ Content: content, MsgType: 'text' })
  })

  it('should write nested elements and repeated items when given objects and lists', () => {
    const xml = buildXml({ ArticleCount: 2, Articles: { item: [{ Title: 'a' }, { Title: 'b', Url: undefined }] } })
    expect(xml).toBe('<xml><ArticleCount>2</ArticleCount><Articles><item><Title><![CDATA[a]]></Title></item><item><Title><![CDATA[b]]></Title></item></Articles></xml>')
  })

  it('should refuse a field name when it is not an XML name', () => {
    expect(() => buildXml({ 'a><b': 'x' })).toThrow(/not an XML field name/)
    expect(() => buildXml({ a: Number.NaN })).toThrow(/finite/)
  })

  it('should write one CDATA section when the text has no "]]>"', () => {
    expect(cdata('你好')).toBe('<![CDATA[你好]]>')
  })
})
