/**
 * A shop account's phone and password rules and the words a shopper reads about them: one home for
 * the schemas (schemas/auth.ts), the API's register and login routes, and the SPA's login form.
 *
 * Lengths are counted in code points, what a person counts as characters (and what a JSON schema's
 * maxLength counts): a 34-emoji password is 34 long everywhere, not 68 UTF-16 units in one place.
 */

/** A mainland China mobile number, 11 digits. */
export const PHONE_PATTERN = '^1[3-9][0-9]{9}$'
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 64

/** What the shopper reads. The API answers with these, the SPA shows them before asking it. */
export const AccountMessage = {
  PhoneRequired: '请输入手机号',
  PhoneInvalid: '请输入正确的 11 位手机号',
  PasswordRequired: '请输入密码',
  PasswordTooShort: `密码至少 ${PASSWORD_MIN_LENGTH} 位`,
  PasswordTooLong: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`,
  PasswordNeedsLetterAndDigit: '密码需同时包含字母和数字',
  /** A new password, all rules in one sentence (when a schema says only that it failed). */
  NewPasswordRule: `密码需为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 位，且同时包含字母和数字`,
  /** A login password, all rules in one sentence. */
  LoginPasswordRule: `请输入密码（最多 ${PASSWORD_MAX_LENGTH} 位）`,
  PhoneTaken: '该手机号已注册，请直接登录',
  WrongCredentials: '手机号或密码错误',
} as const

/** Logging in only needs a password; registering needs one that follows the rules. */
export type PasswordPurpose = 'login' | 'register'

const phonePattern = new RegExp(PHONE_PATTERN)

/** Length in code points: an emoji is one character, as the shopper sees it. */
export function textLength(text: string): number {
  let length = 0
  for (const _ of text)
    length++
  return length
}

/** The problem with a phone number (already trimmed), or null when it is a mainland mobile number. */
export function phoneProblem(phone: string): string | null {
  if (phone === '')
    return AccountMessage.PhoneRequired
  return phonePattern.test(phone) ? null : AccountMessage.PhoneInvalid
}

/** The problem with a password, or null: a new one is 8–64 characters with letters and digits. */
export function passwordProblem(password: string, purpose: PasswordPurpose): string | null {
  if (password === '')
    return AccountMessage.PasswordRequired
  const length = textLength(password)
  if (length > PASSWORD_MAX_LENGTH)
    return AccountMessage.PasswordTooLong
  if (purpose === 'login')
    return null
  if (length < PASSWORD_MIN_LENGTH)
    return AccountMessage.PasswordTooShort
  if (!/[A-Z]/i.test(password) || !/\d/.test(password))
    return AccountMessage.PasswordNeedsLetterAndDigit
  return null
}
