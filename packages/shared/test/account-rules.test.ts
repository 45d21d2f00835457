import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { AccountMessage, PASSWORD_MAX_LENGTH, passwordProblem, phoneProblem, textLength } from '../src/account-rules'
import { LoginRequestSchema, RegisterRequestSchema } from '../src/schemas/auth'

const PHONE = '13800138000'
/** 😀 is one character to a person, two UTF-16 units to `String.length`. */
const EMOJI = '😀'
const withEmoji = (count: number) => `a1${EMOJI.repeat(count - 2)}`

describe('phoneProblem', () => {
  it('should want an 11-digit mainland mobile number, in Chinese', () => {
    expect(phoneProblem('')).toBe('请输入手机号')
    expect(phoneProblem('1380013800')).toBe('请输入正确的 11 位手机号')
    expect(phoneProblem('12800138000')).toBe('请输入正确的 11 位手机号')
    expect(phoneProblem('1380013800a')).toBe('请输入正确的 11 位手机号')
    expect(phoneProblem('138001380001')).toBe('请输入正确的 11 位手机号')
    expect(phoneProblem(PHONE)).toBeNull()
  })

  it('should agree with the request schemas', () => {
    for (const phone of ['', '1380013800', '23800138000', '138001380001', PHONE]) {
      const valid = phoneProblem(phone) === null
      expect(Value.Check(RegisterRequestSchema, { phone, password: 'abcd1234' })).toBe(valid)
      expect(Value.Check(LoginRequestSchema, { phone, password: 'x' })).toBe(valid)
    }
  })
})

describe('passwordProblem', () => {
  it('should want 8–64 characters with letters and digits for a new password, and any password to log in', () => {
    expect(passwordProblem('', 'login')).toBe(AccountMessage.PasswordRequired)
    expect(passwordProblem('short', 'login')).toBeNull()
    expect(passwordProblem('', 'register')).toBe('请输入密码')
    expect(passwordProblem('abc123', 'register')).toBe('密码至少 8 位')
    expect(passwordProblem('abcdefgh', 'register')).toBe('密码需同时包含字母和数字')
    expect(passwordProblem('12345678', 'register')).toBe('密码需同时包含字母和数字')
    expect(passwordProblem(`a1${'x'.repeat(63)}`, 'register')).toBe('密码不能超过 64 位')
    expect(passwordProblem(`a1${'x'.repeat(63)}`, 'login')).toBe('密码不能超过 64 位')
    expect(passwordProblem('abcd1234', 'register')).toBeNull()
  })

  it('should count an emoji as one character, as the schemas do', () => {
    expect(textLength(EMOJI.repeat(34))).toBe(34)
    expect(EMOJI.repeat(34).length).toBe(68)
    for (const [password, valid] of [
      [withEmoji(34), true],
      [withEmoji(PASSWORD_MAX_LENGTH), true],
      [withEmoji(PASSWORD_MAX_LENGTH + 1), false],
      [`a1${'x'.repeat(PASSWORD_MAX_LENGTH - 2)}`, true],
      [`a1${'x'.repeat(PASSWORD_MAX_LENGTH - 1)}`, false],
    ] as const) {
      expect(passwordProblem(password, 'register') === null, `register ${textLength(password)}`).toBe(valid)
      expect(passwordProblem(password, 'login') === null, `login ${textLength(password)}`).toBe(valid)
      expect(Value.Check(RegisterRequestSchema, { phone: PHONE, password })).toBe(valid)
      expect(Value.Check(LoginRequestSchema, { phone: PHONE, password })).toBe(valid)
    }
  })

  it('should say too short in characters, not UTF-16 units', () => {
    // a1 and 4 emoji: 10 UTF-16 units, but 6 characters
    expect(passwordProblem(withEmoji(6), 'register')).toBe('密码至少 8 位')
  })
})
