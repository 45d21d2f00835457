import { AuthorizeErrmsg } from '../wechat/errors'
import { escapeHtml, htmlDocument } from './html'

const css = `
.msg{padding:96px 32px 32px;text-align:center}
.msg__icon{display:inline-block;width:64px;height:64px;margin-bottom:32px}
.msg__title{font-size:22px;font-weight:500;margin-bottom:16px;word-wrap:break-word}
.msg__desc{font-size:17px;color:rgba(0,0,0,.55);word-wrap:break-word}
.msg__desc span{white-space:nowrap}
.msg__hint{margin-top:48px;font-size:13px;color:rgba(0,0,0,.3);word-break:break-all}
`

const warnIcon = `<svg class="msg__icon" viewBox="0 0 64 64" aria-hidden="true"><circle cx="32" cy="32" r="32" fill="#fa5151"/>`
  + `<rect x="29" y="14" width="6" height="26" rx="3" fill="#fff"/><circle cx="32" cy="48" r="3.5" fill="#fff"/></svg>`

/**
 * The page open.weixin.qq.com shows for a bad authorize request: "Oops! Something went wrong:(" and
 * the error with its code. The grey hint is the mock's own addition, to say what exactly was wrong.
 */
export function errorPage(failure: { errcode?: number, message?: string, hint?: string }): string {
  const text = failure.message ?? (failure.errcode === undefined ? '系统错误' : AuthorizeErrmsg[failure.errcode] ?? '系统错误')
  // The code stays on one line, as on WeChat's page.
  const desc = failure.errcode === undefined ? escapeHtml(text) : `${escapeHtml(text)}，<span>错误码：${failure.errcode}</span>`
  return htmlDocument({
    title: '微信授权',
    css,
    body: `<main class="msg" data-errcode="${failure.errcode ?? ''}">
${warnIcon}
<h1 class="msg__title">Oops! Something went wrong:(</h1>
<p class="msg__desc">${desc}</p>
${failure.hint ? `<p class="msg__hint">模拟器提示：${escapeHtml(failure.hint)}</p>` : ''}
</main>`,
  })
}
