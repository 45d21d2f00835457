import { Buffer } from 'node:buffer'
import { createCipheriv } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  aesKeyOf, assertMsgSignature, assertSignature, computeMsgSignature, computeSignature, decryptMessage,
  digestsEqual, encryptMessage, isEncodingAesKey, isValidSignature, MessageRefusedError, openEncryptedPush,
  parseMessageXml, parseXmlDocument, sealReply,
} from '../../src/wechat-message'
import { officialJavaTest, officialSample, wechatpyCrypto, wechatpySignature } from './published-vectors'

const ascii = (text: string) => new TextEncoder().encode(text)

function refusal(run: () => unknown): MessageRefusedError {
  try {
    run()
  } catch (err) {
    if (err instanceof MessageRefusedError)
      return err
    throw err
  }
  throw new Error('expected a refusal')
}

/** Encrypts raw plaintext bytes the way WXBizMsgCrypt does, to build broken plaintexts our encryptMessage would never write. */
function encryptRaw(plain: Uint8Array, encodingAesKey: string): string {
  const key = aesKeyOf(encodingAesKey)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64')
}

function plaintext(msg: string, appId: string, pad?: number[]): Uint8Array {
  const body = Buffer.from(msg)
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const unpadded = Buffer.concat([Buffer.alloc(16, 7), length, body, Buffer.from(appId)])
  const n = 32 - (unpadded.length % 32)
  return Buffer.concat([unpadded, Buffer.from(pad ?? Array.from({ length: n }, () => n))])
}

const account = { token: officialSample.token, encodingAesKey: officialSample.encodingAesKey, appId: officialSample.appId }

describe('signatures', () => {
  it('should reproduce a published signature when token, timestamp and nonce are sorted and hashed', () => {
    const { token, timestamp, nonce, signature } = wechatpySignature
    expect(computeSignature(token, timestamp, nonce)).toBe(signature)
    expect(isValidSignature(token, { timestamp, nonce, signature })).toBe(true)
  })

  it('should refuse a signature when one character differs, it is another length or it is absent', () => {
    const { token, timestamp, nonce, signature } = wechatpySignature
    const flipped = `${signature.slice(0, -1)}e`
    for (const given of [flipped, signature.slice(0, -1), `${signature}0`, signature.toUpperCase(), undefined, ['x']])
      expect(isValidSignature(token, { timestamp, nonce, signature: given }), String(given)).toBe(false)
    expect(refusal(() => assertSignature(token, { timestamp, nonce: 'other', signature })).reason).toBe('bad-signature')
  })

  it('should reproduce the official sample\'s msg_signature when the ciphertext is signed with token, timestamp and nonce', () => {
    const { token, timestamp, nonce, msgSignature } = officialSample
    const encrypt = parseXmlDocument(officialSample.body).Encrypt as string
    expect(computeMsgSignature(token, timestamp, nonce, encrypt)).toBe(msgSignature)
    expect(refusal(() => assertMsgSignature(token, { timestamp, nonce, msgSignature, encrypt: `${encrypt.slice(1)}` })).reason).toBe('bad-msg-signature')
  })

  it('should compare digests only when both have the same length', () => {
    expect(digestsEqual('abc', 'abc')).toBe(true)
    expect(digestsEqual('abc', 'abd')).toBe(false)
    expect(digestsEqual('abc', 'abcd')).toBe(false)
  })
})

describe('EncodingAESKey', () => {
  it('should accept 43 base64 characters and refuse anything else', () => {
    expect(isEncodingAesKey(officialSample.encodingAesKey)).toBe(true)
    expect(aesKeyOf(officialSample.encodingAesKey)).toHaveLength(32)
    for (const key of [officialSample.encodingAesKey.slice(1), `${officialSample.encodingAesKey}=`, `${officialSample.encodingAesKey.slice(1)}-`, `${officialSample.encodingAesKey.slice(1)}=`, ''])
      expect(refusal(() => aesKeyOf(key)).reason, key).toBe('bad-aes-key')
  })
})

describe('decryptMessage', () => {
  it('should decrypt the official sample\'s ciphertext to the plaintext pushed beside it', () => {
    const fields = parseXmlDocument(officialSample.body)
    const xml = decryptMessage(fields.Encrypt as string, account)
    const { Encrypt: _, ...plainFields } = fields
    expect(parseXmlDocument(xml)).toEqual(plainFields)
    expect(parseMessageXml(xml)).toMatchObject({ kind: 'text', content: 'abcdteT', msgId: '6054768590064713728' })
  })

  it('should decrypt wechatpy\'s published ciphertext when its msg_signature matches', () => {
    const { token, encodingAesKey, appId, decrypt } = wechatpyCrypto
    const xml = openEncryptedPush(
      { fields: { ToUserName: appId, Encrypt: decrypt.encrypt }, timestamp: decrypt.timestamp, nonce: decrypt.nonce, msgSignature: decrypt.msgSignature },
      { token, encodingAesKey, appId },
    )
    expect(parseXmlDocument(xml)).toMatchObject({ Content: 'test', FromUserName: 'messense' })
  })

  it('should refuse a message when its appid tail is another account\'s', () => {
    const encrypt = parseXmlDocument(officialSample.body).Encrypt as string
    expect(refusal(() => decryptMessage(encrypt, { ...account, appId: 'wx0000000000000000' })).reason).toBe('wrong-appid')
    // a prefix of the right appid is not the right appid either
    const prefixed = encryptMessage('<xml/>', { ...account, appId: account.appId.slice(0, -1) })
    expect(refusal(() => decryptMessage(prefixed, account)).reason).toBe('wrong-appid')
  })

  it.each([
    ['a pad byte of 0', [0]],
    ['a pad byte over 32', [33]],
    ['pad bytes that differ', [5, 5, 5, 4, 5]],
  ])('should refuse %s when the PKCS#7 padding is wrong', (_, tail) => {
    const plain = plaintext('<xml/>', account.appId)
    plain.set(tail, plain.length - tail.length)
    expect(refusal(() => decryptMessage(encryptRaw(plain, account.encodingAesKey), account)).reason).toBe('bad-padding')
  })

  it('should refuse a ciphertext when it was tampered with (its last padding byte flipped)', () => {
    const data = Buffer.from(encryptMessage('<xml/>', account), 'base64')
    data[data.length - 17]! ^= 0x40
    expect(refusal(() => decryptMessage(data.toString('base64'), account)).reason).toBe('bad-padding')
  })

  it('should refuse a tampered ciphertext when its msg_signature was computed over the original', () => {
    const { token, timestamp, nonce, msgSignature } = officialSample
    const encrypt = parseXmlDocument(officialSample.body).Encrypt as string
    const tampered = `${encrypt[0] === 'A' ? 'B' : 'A'}${encrypt.slice(1)}`
    expect(refusal(() => openEncryptedPush({ fields: { Encrypt: tampered }, timestamp, nonce, msgSignature }, { ...account, token })).reason).toBe('bad-msg-signature')
    expect(refusal(() => openEncryptedPush({ fields: { ToUserName: 'x' }, timestamp, nonce, msgSignature }, account)).reason).toBe('malformed')
  })

  it.each([
    ['not base64 (a stray character Node would skip)', encryptMessage('<xml/>', account).replace(/^(.{8})/, '$1!')],
    ['not whole blocks', Buffer.alloc(24).toString('base64')],
    ['empty', ''],
  ])('should refuse a ciphertext when it is %s', (_, encrypt) => {
    expect(refusal(() => decryptMessage(encrypt, account)).reason).toBe('malformed')
  })

  it('should refuse a plaintext when its length field runs past the end', () => {
    const plain = plaintext('<xml/>', account.appId)
    plain.set([0, 0, 1, 0], 16)
    expect(refusal(() => decryptMessage(encryptRaw(plain, account.encodingAesKey), account)).reason).toBe('malformed')
  })

  it('should refuse a message when it is not UTF-8', () => {
    const plain = plaintext('\u0000\u0000', account.appId)
    plain.set([0xC3, 0x28], 20)
    expect(refusal(() => decryptMessage(encryptRaw(plain, account.encodingAesKey), account)).reason).toBe('malformed')
  })
})

describe('encryptMessage and sealReply', () => {
  it('should meet WeChat\'s Java sample vector when the random prefix is fixed', () => {
    const { encodingAesKey, appId, random, replyMsg, afterAesEncrypt } = officialJavaTest
    expect(encryptMessage(replyMsg, { encodingAesKey, appId }, ascii(random))).toBe(afterAesEncrypt)
    expect(decryptMessage(afterAesEncrypt, { encodingAesKey, appId })).toBe(replyMsg)
  })

  it('should pad to 32-byte blocks when the plaintext is a multiple of 16 but not of 32', () => {
    // 16 + 4 + 5 + 7 = 32: a full block of padding follows; Node's own padding would add 16
    const encrypt = encryptMessage('12345', { ...account, appId: '1234567' })
    expect(Buffer.from(encrypt, 'base64')).toHaveLength(64)
    expect(Buffer.from(encryptMessage('123456', { ...account, appId: '1234567' }), 'base64')).toHaveLength(64)
  })

  it('should seal a reply exactly as wechatpy\'s published envelope when random, timestamp and nonce are fixed', () => {
    const { token, encodingAesKey, appId, encrypt } = wechatpyCrypto
    const sealed = sealReply(encrypt.reply, { token, encodingAesKey, appId }, { timestamp: encrypt.timestamp, nonce: encrypt.nonce, random: ascii(encrypt.random) })
    expect(sealed).toBe(`<xml><Encrypt><![CDATA[${encrypt.encrypt}]]></Encrypt><MsgSignature><![CDATA[${encrypt.msgSignature}]]></MsgSignature><TimeStamp>${encrypt.timestamp}</TimeStamp><Nonce><![CDATA[${encrypt.nonce}]]></Nonce></xml>`)
  })

  it('should open its own sealed reply when the peer checks msg_signature and the appid', () => {
    const sealed = parseXmlDocument(sealReply('<xml><Content><![CDATA[你好]]></Content></xml>', account, { timestamp: '1409735669' }))
    const xml = openEncryptedPush({ fields: sealed, timestamp: sealed.TimeStamp as string, nonce: sealed.Nonce as string, msgSignature: sealed.MsgSignature }, account)
    expect(parseXmlDocument(xml)).toEqual({ Content: '你好' })
    for (const timestamp of ['now', '1.5e9', ''])
      expect(() => sealReply('<xml/>', account, { timestamp }), timestamp).toThrow(/timestamp is seconds since the epoch/)
  })
})
