import { Type, type Static, type TSchema } from 'typebox'
import {
  ClickEventSchema, ReportLocationEventSchema, ScanEventSchema, SubscribeEventSchema,
  TemplateSendJobFinishEventSchema, UnsubscribeEventSchema, ViewEventSchema,
} from './event-schemas'
import {
  ImageMessageSchema, LinkMessageSchema, LocationMessageSchema, PushBase, ShortVideoMessageSchema,
  TextMessageSchema, VideoMessageSchema, VoiceMessageSchema,
} from './message-schemas'
import type { XmlFields } from './xml-parse'

/**
 * A message or event we do not model (a newer menu event, a card event…): kept whole, never dropped,
 * so the shop can store it and a later version can handle it.
 */
export const UnknownPushSchema = Type.Object({
  kind: Type.Literal('unknown'),
  ...PushBase,
  msgType: Type.String({ minLength: 1 }),
  event: Type.Optional(Type.String()),
  /** Every field as parsed, nested events included. */
  fields: Type.Unsafe<XmlFields>(Type.Record(Type.String(), Type.Unknown())),
})
export type UnknownPush = Static<typeof UnknownPushSchema>

/** Everything WeChat pushes to the message URL, discriminated by `kind`. */
export const PushMessageSchema = Type.Union([
  TextMessageSchema, ImageMessageSchema, VoiceMessageSchema, VideoMessageSchema, ShortVideoMessageSchema,
  LocationMessageSchema, LinkMessageSchema,
  SubscribeEventSchema, UnsubscribeEventSchema, ScanEventSchema, ReportLocationEventSchema, ClickEventSchema,
  ViewEventSchema, TemplateSendJobFinishEventSchema,
  UnknownPushSchema,
])
export type PushMessage = Static<typeof PushMessageSchema>
export type PushKind = PushMessage['kind']

/** How a field is read from WeChat's text: as text, an integer (CreateTime) or a decimal (Location_X). */
export type FieldType = 'text' | 'integer' | 'decimal'
export interface FieldSpec { key: string, type: FieldType }
export interface KindSpec { schema: TSchema, fields: Record<string, FieldSpec> }

const text = (key: string): FieldSpec => ({ key, type: 'text' })
const BASE = { ToUserName: text('toUserName'), FromUserName: text('fromUserName'), CreateTime: { key: 'createTime', type: 'integer' } } as const
const MESSAGE = { ...BASE, MsgId: text('msgId'), MsgDataId: text('msgDataId'), Idx: text('idx') }
const VIDEO = { ...MESSAGE, MediaId: text('mediaId'), ThumbMediaId: text('thumbMediaId') }

/** Each MsgType we model: its schema and which XML field becomes which property. */
export const MESSAGE_KINDS: Record<string, KindSpec> = {
  text: { schema: TextMessageSchema, fields: { ...MESSAGE, Content: text('content') } },
  image: { schema: ImageMessageSchema, fields: { ...MESSAGE, PicUrl: text('picUrl'), MediaId: text('mediaId') } },
  voice: {
    schema: VoiceMessageSchema,
    fields: { ...MESSAGE, MediaId: text('mediaId'), Format: text('format'), Recognition: text('recognition'), MediaId16K: text('mediaId16K') },
  },
  video: { schema: VideoMessageSchema, fields: VIDEO },
  shortvideo: { schema: ShortVideoMessageSchema, fields: VIDEO },
  location: {
    schema: LocationMessageSchema,
    fields: {
      ...MESSAGE,
      Location_X: { key: 'locationX', type: 'decimal' },
      Location_Y: { key: 'locationY', type: 'decimal' },
      Scale: { key: 'scale', type: 'decimal' },
      Label: text('label'),
    },
  },
  link: { schema: LinkMessageSchema, fields: { ...MESSAGE, Title: text('title'), Description: text('description'), Url: text('url') } },
}

/** Each Event we model, by its lower-cased name (WeChat writes subscribe but SCAN, CLICK…). */
export const EVENT_KINDS: Record<string, KindSpec> = {
  subscribe: { schema: SubscribeEventSchema, fields: { ...BASE, EventKey: text('eventKey'), Ticket: text('ticket') } },
  unsubscribe: { schema: UnsubscribeEventSchema, fields: { ...BASE, EventKey: text('eventKey') } },
  scan: { schema: ScanEventSchema, fields: { ...BASE, EventKey: text('eventKey'), Ticket: text('ticket') } },
  location: {
    schema: ReportLocationEventSchema,
    fields: {
      ...BASE,
      Latitude: { key: 'latitude', type: 'decimal' },
      Longitude: { key: 'longitude', type: 'decimal' },
      Precision: { key: 'precision', type: 'decimal' },
    },
  },
  click: { schema: ClickEventSchema, fields: { ...BASE, EventKey: text('eventKey') } },
  view: { schema: ViewEventSchema, fields: { ...BASE, EventKey: text('eventKey'), MenuId: text('menuId') } },
  // WeChat spells it MsgID in this event
  templatesendjobfinish: {
    schema: TemplateSendJobFinishEventSchema,
    fields: { ...BASE, MsgID: text('msgId'), MsgId: text('msgId'), Status: text('status') },
  },
}

/** The `kind` each modelled Event becomes. */
export const EVENT_KIND_NAMES: Record<string, PushKind> = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  scan: 'scan',
  location: 'report-location',
  click: 'click',
  view: 'view',
  templatesendjobfinish: 'template-send-job-finish',
}
