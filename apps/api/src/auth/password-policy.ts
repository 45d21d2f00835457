/** The rule, as the user reads it. */
export const PASSWORD_RULE = '密码需为 8–64 位，且同时包含字母和数字'

/**
 * 8–64 characters with at least one letter and one digit. The schema checks the length too; the
 * letters-and-digits part cannot be said in it without an unreadable pattern.
 */
export function isAcceptablePassword(password: string): boolean {
  return password.length >= 8 && password.length <= 64 && /[A-Za-z]/.test(password) && /\d/.test(password)
}
