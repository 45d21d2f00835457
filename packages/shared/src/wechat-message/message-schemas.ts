import { Type, type Static } from 'typebox'

// The user's messages WeChat pushes (MsgType other than "event"). Field names are WeChat's in
// camelCase; numbers are numbers where WeChat sends numbers, MsgId stays text (64 bits exceed 2^53).

/** Who sent it to whom, and when (CreateTime, seconds since the epoch). */
export const PushBase = {
  /** The Official Account's original id (gh_…): the FromUserName of a reply. */
  toUserName: Type.String({ minLength: 1 }),
  /** The user's openid: the ToUserName of a reply. */
  fromUserName: Type.String({ minLength: 1 }),
  createTime: Type.Integer({ minimum: 0 }),
}

/** A 64-bit message id as decimal text. */
export const MsgIdSchema = Type.String({ pattern: '^[0-9]{1,20}$' })

const MessageBase = {
  ...PushBase,
  msgId: MsgIdSchema,
  /** Set when the message came from an article (2017 addition): the article's data id and its index. */
  msgDataId: Type.Optional(Type.String()),
  idx: Type.Optional(Type.String()),
}

export const TextMessageSchema = Type.Object({ kind: Type.Literal('text'), ...MessageBase, content: Type.String() })
export type TextMessage = Static<typeof TextMessageSchema>

export const ImageMessageSchema = Type.Object({
  kind: Type.Literal('image'), ...MessageBase, picUrl: Type.String(), mediaId: Type.String({ minLength: 1 }),
})
export type ImageMessage = Static<typeof ImageMessageSchema>

export const VoiceMessageSchema = Type.Object({
  kind: Type.Literal('voice'),
  ...MessageBase,
  mediaId: Type.String({ minLength: 1 }),
  format: Type.String(),
  /** WeChat's speech recognition, when the account turned it on. */
  recognition: Type.Optional(Type.String()),
  mediaId16K: Type.Optional(Type.String()),
})
export type VoiceMessage = Static<typeof VoiceMessageSchema>

const VideoFields = { mediaId: Type.String({ minLength: 1 }), thumbMediaId: Type.String() }
export const VideoMessageSchema = Type.Object({ kind: Type.Literal('video'), ...MessageBase, ...VideoFields })
export type VideoMessage = Static<typeof VideoMessageSchema>
export const ShortVideoMessageSchema = Type.Object({ kind: Type.Literal('shortvideo'), ...MessageBase, ...VideoFields })
export type ShortVideoMessage = Static<typeof ShortVideoMessageSchema>

export const LocationMessageSchema = Type.Object({
  kind: Type.Literal('location'),
  ...MessageBase,
  /** Latitude (WeChat's Location_X). */
  locationX: Type.Number({ minimum: -90, maximum: 90 }),
  /** Longitude (WeChat's Location_Y). */
  locationY: Type.Number({ minimum: -180, maximum: 180 }),
  scale: Type.Number(),
  label: Type.String(),
})
export type LocationMessage = Static<typeof LocationMessageSchema>

export const LinkMessageSchema = Type.Object({
  kind: Type.Literal('link'), ...MessageBase, title: Type.String(), description: Type.String(), url: Type.String(),
})
export type LinkMessage = Static<typeof LinkMessageSchema>
