import type { Persona } from '../state/personas'
import { accountAvatarSvg } from './avatar-svg'
import { escapeHtml, htmlDocument } from './html'

export interface ConsentPageOptions {
  accountName: string
  ticket: string
  current: Persona
  personas: readonly Persona[]
  avatarOf: (persona: Persona) => string
}

// Sizes and colours from WeUI 2 (the library WeChat's own pages use): 184px buttons, #07c160 green.
const css = `
body{min-height:100vh;display:flex;flex-direction:column}
form{flex:1;display:flex;flex-direction:column;padding:0 32px}
.account{padding-top:56px;text-align:center}
.account svg{display:block;margin:0 auto 16px}
.account__name{font-size:17px;font-weight:500}
.scope{margin-top:40px;padding-top:32px;border-top:1px solid rgba(0,0,0,.1)}
.scope__title{font-size:17px;font-weight:500;margin-bottom:16px}
.scope__item{position:relative;padding-left:16px;font-size:15px;color:rgba(0,0,0,.55)}
.scope__item::before{content:"";position:absolute;left:0;top:.58em;width:6px;height:6px;border-radius:50%;background:rgba(0,0,0,.3)}
.switch{margin-top:32px;font-size:14px;color:rgba(0,0,0,.55)}
.switch summary{list-style:none;cursor:pointer}
.switch summary::-webkit-details-marker{display:none}
.switch summary b{font-weight:400;color:#576b95}
.switch ul{list-style:none;margin-top:8px;border-top:1px solid rgba(0,0,0,.1)}
.switch li{border-bottom:1px solid rgba(0,0,0,.1)}
.switch label{display:flex;align-items:center;gap:12px;padding:10px 0;color:rgba(0,0,0,.9)}
.switch img,.switch .new{width:32px;height:32px;border-radius:4px;flex:none}
.switch .new{background:#f2f2f2;color:rgba(0,0,0,.3);text-align:center;line-height:32px;font-size:20px}
.switch small{display:block;color:rgba(0,0,0,.3);font-size:12px}
.switch input{margin-left:auto;accent-color:#07c160}
.actions{margin-top:auto;padding:32px 0 calc(40px + env(safe-area-inset-bottom));display:flex;flex-direction:column;align-items:center;gap:16px}
.btn{width:184px;padding:11px 24px;border-radius:8px;font-size:17px;font-weight:700;line-height:1.41}
.btn_primary{background:#07c160;color:#fff}
.btn_primary:active{background:#06ad56}
.btn_default{background:#f2f2f2;color:#06ae56}
.btn_default:active{background:#e6e6e6}
.btn_link{font-size:14px;font-weight:400;color:#576b95;padding:4px}
`

function personaRow(persona: Persona, options: ConsentPageOptions): string {
  const checked = persona.openid === options.current.openid ? ' checked' : ''
  return `<li><label><img src="${escapeHtml(options.avatarOf(persona))}" alt=""><span>${escapeHtml(persona.nickname)}<small>${escapeHtml(persona.openid)}</small></span>`
    + `<input type="radio" name="persona" value="${escapeHtml(persona.openid)}"${checked}></label></li>`
}

/**
 * The snsapi_userinfo page: the account asks for the user's public profile. 允许 and 拒绝 are what
 * WeChat offers; 切换用户 and the snapshot choice are the mock's, for trying other people and modes.
 */
export function consentPage(options: ConsentPageOptions): string {
  const personas = options.personas.map(p => personaRow(p, options)).join('')
  return htmlDocument({
    title: '微信授权',
    css,
    body: `<form method="post" action="/connect/oauth2/authorize_reply">
<input type="hidden" name="ticket" value="${escapeHtml(options.ticket)}">
<section class="account">
${accountAvatarSvg(options.accountName, 64)}
<h1 class="account__name">${escapeHtml(options.accountName)}</h1>
</section>
<section class="scope">
<h2 class="scope__title">申请获取以下权限：</h2>
<p class="scope__item">获得你的公开信息（昵称、头像、地区及性别）</p>
</section>
<details class="switch">
<summary>当前身份：${escapeHtml(options.current.nickname)} · <b>切换用户</b></summary>
<ul>${personas}<li><label><span class="new">+</span><span>新用户<small>一个从未授权过的微信用户</small></span><input type="radio" name="persona" value="new"></label></li></ul>
</details>
<div class="actions">
<button class="btn btn_primary" type="submit" name="action" value="allow">允许</button>
<button class="btn btn_default" type="submit" name="action" value="deny">拒绝</button>
<button class="btn btn_link" type="submit" name="action" value="snapshot">仅浏览（快照模式）</button>
</div>
</form>`,
  })
}
