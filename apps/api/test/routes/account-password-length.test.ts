import { AccountMessage, PASSWORD_MAX_LENGTH } from '@wxshop/shared'
import { describe, expect, it } from 'vitest'
import { newOpenid, wechatLogin } from '../auth-flow'
import { useAppWithMockWechat } from '../helper'

/** 😀 is one character to a person (and to the JSON schema), two UTF-16 units to `String.length`. */
const EMOJI = '😀'
/** A password of `characters` code points with a letter and a digit. */
const emojiPassword = (characters: number) => `a1${EMOJI.repeat(characters - 2)}`

let phones = 0
const newPhone = () => `137${String(Date.now() % 1e4).padStart(4, '0')}${String(++phones).padStart(4, '0')}`

// The schema (ajv) and the route measure a password the same way: in characters (code points).
describe('password length in characters', () => {
  const stack = useAppWithMockWechat()
  const browser = async () => (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser

  it.each([
    ['34 emoji characters', 34],
    ['exactly 64 characters of emoji', PASSWORD_MAX_LENGTH],
  ])('should register and then log in with a password of %s', async (_, characters) => {
    const phone = newPhone()
    const password = emojiPassword(characters)
    // over the limit in UTF-16 units, within it in characters
    expect(password.length).toBeGreaterThan(PASSWORD_MAX_LENGTH)
    const registered = await (await browser()).post('/api/account/register', { phone, password })
    expect(registered.statusCode).toBe(200)
    const loggedIn = await (await browser()).post('/api/account/login', { phone, password })
    expect(loggedIn.statusCode).toBe(200)
    expect(loggedIn.json().account).toMatchObject({ phone: `${phone.slice(0, 3)}****${phone.slice(7)}` })
  })

  it('should refuse a 65-character password with the rule in Chinese, when registering and when logging in', async () => {
    const password = emojiPassword(PASSWORD_MAX_LENGTH + 1)
    const registered = await (await browser()).post('/api/account/register', { phone: newPhone(), password })
    expect(registered.statusCode).toBe(400)
    expect(registered.json()).toEqual({ error: { code: 'VALIDATION', message: AccountMessage.NewPasswordRule } })
    const loggedIn = await (await browser()).post('/api/account/login', { phone: newPhone(), password })
    expect(loggedIn.statusCode).toBe(400)
    expect(loggedIn.json()).toEqual({ error: { code: 'VALIDATION', message: AccountMessage.LoginPasswordRule } })
  })
})
