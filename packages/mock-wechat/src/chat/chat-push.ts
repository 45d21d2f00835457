import { Type, type Static } from 'typebox'
import { randomBytes } from 'node:crypto'

// What the chat page may send: what a WeChat user can do in a conversation with the account.

const OpenidSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' })

export const ChatSendSchema = Type.Union([
  Type.Object({ openid: OpenidSchema, kind: Type.Literal('text'), content: Type.String({ minLength: 1, maxLength: 2048 }) }, { additionalProperties: false }),
  Type.Object({ openid: OpenidSchema, kind: Type.Literal('image') }, { additionalProperties: false }),
  Type.Object({
    openid: OpenidSchema,
    kind: Type.Literal('location'),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    label: Type.String({ maxLength: 200 }),
  }, { additionalProperties: false }),
  Type.Object({ openid: OpenidSchema, kind: Type.Union([Type.Literal('click'), Type.Literal('view')]), eventKey: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }),
  Type.Object({ openid: OpenidSchema, kind: Type.Union([Type.Literal('subscribe'), Type.Literal('unsubscribe')]) }, { additionalProperties: false }),
])
export type ChatSend = Static<typeof ChatSendSchema>

/** The typed push (`plaintextOfFields` input) WeChat would send for what the user did on the page. */
export function pushFieldsOf(send: ChatSend, mockOrigin: string): Record<string, unknown> {
  const base = { fromUserName: send.openid }
  switch (send.kind) {
    case 'text':
      return { kind: 'text', ...base, content: send.content }
    case 'image': {
      // WeChat stores the picture and pushes its URL and a media id; the mock draws no picture
      const mediaId = randomBytes(24).toString('base64url')
      return { kind: 'image', ...base, picUrl: `${mockOrigin}/avatars/${mediaId.slice(0, 16)}.svg`, mediaId }
    }
    case 'location':
      return { kind: 'location', ...base, locationX: send.latitude, locationY: send.longitude, scale: 15, label: send.label }
    case 'click':
    case 'view':
      return { kind: send.kind, ...base, eventKey: send.eventKey }
    default:
      return { kind: send.kind, ...base }
  }
}
