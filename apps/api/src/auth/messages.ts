// What users read when a login step fails (the SPA shows these as they are). Phone and password
// words live with their rules in @wxshop/shared (AccountMessage).

export const NO_SESSION = '未登录或登录已过期，请重新进入'
export const STATE_INVALID = '登录状态已失效，请重新进入'
export const CODE_INVALID = '微信授权已失效，请重新进入'
export const WECHAT_BUSY = '微信服务繁忙，请稍后重试'
export const WECHAT_FAILED = '微信登录出错，请稍后重试'
export const ACCOUNT_REQUIRED = '请先登录或注册商城账号'

export function tooManyAttempts(minutes: number): string {
  return `登录尝试过于频繁，请 ${minutes} 分钟后再试`
}

export function tooManyRegistrations(minutes: number): string {
  return `注册尝试过于频繁，请 ${minutes} 分钟后再试`
}
