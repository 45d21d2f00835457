import { Type, type Static } from 'typebox'
import { MsgIdSchema, PushBase } from './message-schemas'

// The events WeChat pushes (MsgType "event"), one kind per Event value we act on.

export const SubscribeEventSchema = Type.Object({
  kind: Type.Literal('subscribe'),
  ...PushBase,
  /** `qrscene_<scene>` when the user followed by scanning a parametric QR code. */
  eventKey: Type.Optional(Type.String()),
  ticket: Type.Optional(Type.String()),
  /** The QR code's scene value: eventKey without `qrscene_`. */
  scene: Type.Optional(Type.String()),
})
export type SubscribeEvent = Static<typeof SubscribeEventSchema>

export const UnsubscribeEventSchema = Type.Object({
  kind: Type.Literal('unsubscribe'), ...PushBase, eventKey: Type.Optional(Type.String()),
})
export type UnsubscribeEvent = Static<typeof UnsubscribeEventSchema>

/** A follower scanned a parametric QR code (Event SCAN): eventKey is the scene, without a prefix. */
export const ScanEventSchema = Type.Object({
  kind: Type.Literal('scan'), ...PushBase, eventKey: Type.String(), ticket: Type.String(),
})
export type ScanEvent = Static<typeof ScanEventSchema>

/** The user's position, reported when the account asks for it (Event LOCATION). */
export const ReportLocationEventSchema = Type.Object({
  kind: Type.Literal('report-location'),
  ...PushBase,
  latitude: Type.Number({ minimum: -90, maximum: 90 }),
  longitude: Type.Number({ minimum: -180, maximum: 180 }),
  precision: Type.Number({ minimum: 0 }),
})
export type ReportLocationEvent = Static<typeof ReportLocationEventSchema>

/** A custom-menu button of type click (Event CLICK): eventKey is the button's key. */
export const ClickEventSchema = Type.Object({ kind: Type.Literal('click'), ...PushBase, eventKey: Type.String() })
export type ClickEvent = Static<typeof ClickEventSchema>

/** A custom-menu button of type view (Event VIEW): eventKey is the URL opened. */
export const ViewEventSchema = Type.Object({
  kind: Type.Literal('view'), ...PushBase, eventKey: Type.String(), menuId: Type.Optional(Type.String()),
})
export type ViewEvent = Static<typeof ViewEventSchema>

/** The outcome of a template message (Event TEMPLATESENDJOBFINISH): status "success" or a failure. */
export const TemplateSendJobFinishEventSchema = Type.Object({
  kind: Type.Literal('template-send-job-finish'), ...PushBase, msgId: MsgIdSchema, status: Type.String(),
})
export type TemplateSendJobFinishEvent = Static<typeof TemplateSendJobFinishEventSchema>
