import { describe, expect, it } from 'vitest'
import { buildPushXml, MessageRefusedError, parseMessage, parseMessageXml, parseXmlDocument, pushDedupeKey } from '../../src/wechat-message'
import { examples } from './push-examples'

const user = { toUserName: 'toUser', fromUserName: 'fromUser' }
const follower = { toUserName: 'toUser', fromUserName: 'FromUser', createTime: 123456789 }

describe('parseMessage', () => {
  it.each([
    ['text', examples.text, { kind: 'text', ...user, createTime: 1348831860, msgId: '1234567890123456', content: 'this is a test' }],
    ['image', examples.image, { kind: 'image', ...user, createTime: 1348831860, msgId: '1234567890123456', picUrl: 'this is a url', mediaId: 'media_id' }],
    ['voice', examples.voice, { kind: 'voice', ...user, createTime: 1357290913, msgId: '1234567890123456', mediaId: 'media_id', format: 'Format' }],
    ['voice with Recognition', examples.voiceRecognised, { kind: 'voice', ...user, createTime: 1357290913, msgId: '1234567890123456', mediaId: 'media_id', format: 'Format', recognition: '腾讯微信团队' }],
    ['video', examples.video, { kind: 'video', ...user, createTime: 1357290913, msgId: '1234567890123456', mediaId: 'media_id', thumbMediaId: 'thumb_media_id' }],
    ['shortvideo', examples.shortvideo, { kind: 'shortvideo', ...user, createTime: 1357290913, msgId: '1234567890123456', mediaId: 'media_id', thumbMediaId: 'thumb_media_id' }],
    ['location', examples.location, { kind: 'location', ...user, createTime: 1351776360, msgId: '1234567890123456', locationX: 23.134521, locationY: 113.358803, scale: 20, label: '位置信息' }],
    ['link', examples.link, { kind: 'link', ...user, createTime: 1351776360, msgId: '1234567890123456', title: '公众平台官网链接', description: '公众平台官网链接', url: 'url' }],
    ['subscribe', examples.subscribe, { kind: 'subscribe', ...follower }],
    ['subscribe from a QR code', examples.subscribeByQrCode, { kind: 'subscribe', ...follower, eventKey: 'qrscene_123123', ticket: 'TICKET', scene: '123123' }],
    ['unsubscribe', examples.unsubscribe, { kind: 'unsubscribe', ...follower }],
    ['SCAN', examples.scan, { kind: 'scan', ...follower, eventKey: 'SCENE_VALUE', ticket: 'TICKET' }],
    ['LOCATION', examples.reportLocation, { kind: 'report-location', ...follower, fromUserName: 'fromUser', latitude: 23.137466, longitude: 113.352425, precision: 119.38504 }],
    ['CLICK', examples.click, { kind: 'click', ...follower, eventKey: 'EVENTKEY' }],
    ['VIEW', examples.view, { kind: 'view', ...follower, eventKey: 'www.qq.com', menuId: '1' }],
    ['TEMPLATESENDJOBFINISH', examples.templateSendJobFinish, { kind: 'template-send-job-finish', toUserName: 'gh_7f083739789a', fromUserName: 'oia2TjuEGTNoeX76QEjQNrcURxG8', createTime: 1395658920, msgId: '200163836', status: 'success' }],
  ])('should give the typed %s when WeChat pushes its documented XML', (_, xml, expected) => {
    expect(parseMessageXml(xml)).toEqual(expected)
  })

  it('should keep MsgId exact when it exceeds 2^53', () => {
    const message = parseMessageXml(examples.text.replace('1234567890123456', '6054768590064713728'))
    expect(message).toMatchObject({ kind: 'text', msgId: '6054768590064713728' })
  })

  it('should keep every field of a push when its type is unknown, nested ones included', () => {
    const message = parseMessageXml(examples.picSysphoto)
    expect(message).toEqual({
      kind: 'unknown',
      toUserName: 'gh_e136c6e50636',
      fromUserName: 'oMgHVjngRipVsoxg6TuX3vz6glDg',
      createTime: 1408090651,
      msgType: 'event',
      event: 'pic_sysphoto',
      fields: parseXmlDocument(examples.picSysphoto),
    })
    expect(parseMessageXml(examples.locationSelect)).toMatchObject({ kind: 'unknown', fields: { SendLocationInfo: { Location_X: '23', Label: ' 广州市海珠区客村艺苑路 106号' } } })
    const miniprogram = parseMessageXml(examples.text.replace('<![CDATA[text]]>', '<![CDATA[miniprogrampage]]>'))
    expect(miniprogram).toMatchObject({ kind: 'unknown', msgType: 'miniprogrampage', fields: { Content: 'this is a test', MsgId: '1234567890123456' } })
  })

  it.each([
    ['a text without Content', examples.text.replace(/<Content>.*<\/Content>/, ''), /text message: .*content/],
    ['an image without MediaId', examples.image.replace(/<MediaId>.*<\/MediaId>/, ''), /mediaId/],
    ['a location with a non-numeric Location_X', examples.location.replace('23.134521', 'north'), /locationX/],
    ['a text with a non-numeric CreateTime', examples.text.replace('1348831860', '2012-09-28'), /createTime/],
    ['a text with CreateTime in exponent form', examples.text.replace('1348831860', '1.3e9'), /createTime/],
    ['a location with a hexadecimal Scale', examples.location.replace('<Scale>20</Scale>', '<Scale>0x14</Scale>'), /scale/],
    ['a text with a non-numeric MsgId', examples.text.replace('1234567890123456', 'abc'), /msgId/],
    ['a text without FromUserName', examples.text.replace(/<FromUserName>.*<\/FromUserName>/, ''), /fromUserName/],
    ['a SCAN without Ticket', examples.scan.replace(/<Ticket>.*<\/Ticket>/, ''), /ticket/],
    ['a LOCATION without Precision', examples.reportLocation.replace(/<Precision>.*<\/Precision>/, ''), /precision/],
    ['a CLICK without EventKey', examples.click.replace(/<EventKey>.*<\/EventKey>/, ''), /eventKey/],
    ['a TEMPLATESENDJOBFINISH without Status', examples.templateSendJobFinish.replace(/<Status>.*<\/Status>/, ''), /status/],
    ['a nested Content', examples.text.replace('<![CDATA[this is a test]]>', '<p>x</p>'), /content/],
    ['an unknown type without CreateTime', examples.picSysphoto.replace(/<CreateTime>.*<\/CreateTime>/, ''), /createTime/],
    ['a push without MsgType', examples.text.replace(/<MsgType>.*<\/MsgType>/, ''), /MsgType is missing/],
  ])('should refuse %s with a typed error when a known message lacks what WeChat always sends', (_, xml, detail) => {
    let error: unknown
    try {
      parseMessageXml(xml)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(MessageRefusedError)
    expect(error).toMatchObject({ reason: 'invalid-message' })
    expect((error as Error).message).toMatch(detail)
  })

  it('should match an event when WeChat changes the case of its name', () => {
    expect(parseMessage({ ...parseXmlDocument(examples.scan), Event: 'scan' }).kind).toBe('scan')
  })
})

describe('pushDedupeKey', () => {
  it('should key a message by MsgId and an event by sender, time and event when WeChat retries', () => {
    expect(pushDedupeKey(parseMessageXml(examples.text))).toBe('msg:1234567890123456')
    expect(pushDedupeKey(parseMessageXml(examples.subscribe))).toBe('event:FromUser:123456789:subscribe')
    expect(pushDedupeKey(parseMessageXml(examples.unsubscribe))).toBe('event:FromUser:123456789:unsubscribe')
    expect(pushDedupeKey(parseMessageXml(examples.scancodePush))).toBe('event:oMgHVjngRipVsoxg6TuX3vz6glDg:1408090502:scancode_push')
  })
})

describe('buildPushXml', () => {
  it.each(Object.entries(examples))('should write the %s push so that it parses back to the same message', (_, xml) => {
    const message = parseMessageXml(xml)
    const rebuilt = buildPushXml(message)
    expect(parseMessageXml(rebuilt)).toEqual(message)
  })

  it('should spell MsgType and Event as WeChat does when writing an event', () => {
    const fields = parseXmlDocument(buildPushXml(parseMessageXml(examples.templateSendJobFinish)))
    expect(fields).toEqual({
      ToUserName: 'gh_7f083739789a',
      FromUserName: 'oia2TjuEGTNoeX76QEjQNrcURxG8',
      CreateTime: '1395658920',
      MsgType: 'event',
      Event: 'TEMPLATESENDJOBFINISH',
      MsgID: '200163836',
      Status: 'success',
    })
    expect(parseXmlDocument(buildPushXml(parseMessageXml(examples.subscribeByQrCode)))).toMatchObject({ Event: 'subscribe', EventKey: 'qrscene_123123' })
    expect(parseXmlDocument(buildPushXml(parseMessageXml(examples.location)))).toMatchObject({ MsgType: 'location', Location_X: '23.134521', Scale: '20' })
  })
})
