// What the login/register form checks before it asks the API (which checks the same again).

export type AccountFormMode = 'login' | 'register'

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 64

/** The shopper-facing problem with a phone number, or null when it is a mainland mobile number. */
export function phoneProblem(phone: string): string | null {
  if (phone.trim() === '')
    return '请输入手机号'
  if (!/^1[3-9]\d{9}$/.test(phone.trim()))
    return '请输入正确的 11 位手机号'
  return null
}

/** The problem with a password: logging in only needs one; a new one is 8–64 characters with letters and digits. */
export function passwordProblem(password: string, mode: AccountFormMode): string | null {
  if (password === '')
    return '请输入密码'
  if (mode === 'login')
    return password.length > PASSWORD_MAX ? `密码不能超过 ${PASSWORD_MAX} 位` : null
  if (password.length < PASSWORD_MIN)
    return `密码至少 ${PASSWORD_MIN} 位`
  if (password.length > PASSWORD_MAX)
    return `密码不能超过 ${PASSWORD_MAX} 位`
  if (!/[a-z]/i.test(password) || !/\d/.test(password))
    return '密码需同时包含字母和数字'
  return null
}

/** 13800138000 → 138****8000; anything already masked (or not 11 digits) is left alone. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}
