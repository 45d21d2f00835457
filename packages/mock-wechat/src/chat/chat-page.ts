import { htmlDocument } from '../pages/html'
import type { MenuRecord } from '../state/menus'

export interface ChatPageData {
  accountName: string
  /** The account's avatar as a data: URL (the mock draws it). */
  accountAvatar: string
  /** The persona the page plays; null: the script picks one (localStorage, else a new one). */
  persona: { openid: string, nickname: string, subscribe: 0 | 1 } | null
  menu: MenuRecord | null
}

/** The page's CSP: its own script only, no inline script, requests to the mock only. */
export const CHAT_CSP = [
  'default-src \'none\'', 'script-src \'self\'', 'style-src \'unsafe-inline\'', 'img-src \'self\' data: http: https:',
  'connect-src \'self\'', 'base-uri \'none\'', 'form-action \'none\'', 'frame-ancestors \'none\'',
].join('; ')

// WeChat's conversation: #ededed background, #95ec69 own bubbles, white ones for the account, #f7f7f7 bars.
const css = `
html,body{height:100%}
body{background:#ededed;display:flex;flex-direction:column;overflow:hidden}
.top{flex:none;background:#ededed;border-bottom:1px solid rgba(0,0,0,.08);text-align:center;padding:10px 48px 6px;position:relative}
.top__back{position:absolute;left:12px;top:8px;font-size:24px;line-height:1;color:rgba(0,0,0,.9)}
.top__name{font-size:17px;font-weight:500}
.top__who{font-size:11px;color:rgba(0,0,0,.45);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.top__follow{position:absolute;right:10px;top:10px;font-size:13px;color:#576b95}
.log{flex:1;overflow-y:auto;padding:12px 12px 16px}
.row{display:flex;align-items:flex-start;margin:14px 0;gap:10px}
.row_me{flex-direction:row-reverse}
.avatar{width:40px;height:40px;border-radius:4px;flex:none}
.bubble{position:relative;max-width:calc(100% - 110px);padding:9px 12px;border-radius:4px;background:#fff;font-size:16px;
  line-height:1.45;white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere}
.bubble::before{content:"";position:absolute;top:13px;left:-5px;border:6px solid transparent;border-left:0;border-right-color:#fff;margin-left:-1px}
.row_me .bubble{background:#95ec69}
.row_me .bubble::before{left:auto;right:-5px;border-right:0;border-left:6px solid #95ec69;border-top-color:transparent;border-bottom-color:transparent;margin:0 -1px 0 0}
.bubble a{color:#576b95;text-decoration:none}
.card{width:calc(100% - 110px);max-width:300px;background:#fff;border-radius:4px;overflow:hidden;color:inherit;text-decoration:none;display:block}
.card__title{font-size:16px;padding:12px 14px 8px;line-height:1.4}
.card__pic{display:block;width:100%;aspect-ratio:2.35/1;object-fit:cover;background:#f2f2f2}
.card__body{display:flex;gap:10px;padding:0 14px 12px}
.card__desc{flex:1;font-size:13px;color:rgba(0,0,0,.5);white-space:pre-wrap;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.card__thumb{width:52px;height:52px;object-fit:cover;flex:none;background:#f2f2f2}
.card__more{border-top:1px solid rgba(0,0,0,.08);display:flex;gap:10px;align-items:center;padding:10px 14px;font-size:14px;color:inherit;text-decoration:none}
.card__more span{flex:1}
.card__more img{width:40px;height:40px;object-fit:cover;background:#f2f2f2}
.pic{width:120px;height:120px;border-radius:4px;background:#d8d8d8;color:rgba(0,0,0,.35);display:flex;align-items:center;justify-content:center;font-size:13px}
.loc{width:220px;background:#fff;border-radius:4px;overflow:hidden}
.loc b{display:block;font-weight:400;font-size:15px;padding:8px 12px 2px}
.loc small{display:block;font-size:12px;color:rgba(0,0,0,.45);padding:0 12px 8px}
.loc i{display:block;height:80px;background:linear-gradient(135deg,#e3efe0 25%,#d5e6f3 25% 50%,#e3efe0 50% 75%,#d5e6f3 75%);background-size:24px 24px}
.system{text-align:center;margin:14px 0}
.system span{display:inline-block;font-size:12px;color:rgba(0,0,0,.45);background:rgba(0,0,0,.06);border-radius:4px;padding:3px 8px}
.time{text-align:center;font-size:12px;color:rgba(0,0,0,.35);margin:14px 0}
.bar{flex:none;background:#f7f7f7;border-top:1px solid rgba(0,0,0,.08);padding-bottom:env(safe-area-inset-bottom)}
.input{display:flex;align-items:center;gap:8px;padding:8px 10px}
.input input{flex:1;min-width:0;height:38px;border:0;border-radius:4px;background:#fff;padding:0 10px;font:inherit;font-size:16px;outline:none}
.round{width:30px;height:30px;border-radius:50%;border:1.5px solid rgba(0,0,0,.8);font-size:20px;line-height:26px;text-align:center;flex:none;color:rgba(0,0,0,.8)}
.send{height:34px;padding:0 14px;border-radius:4px;background:#07c160;color:#fff;font-size:15px;flex:none}
.send:disabled{background:#dcdcdc;color:#fff}
.menus{display:flex;align-items:stretch;height:50px}
.menus>.round{align-self:center;margin:0 10px;font-size:14px;border-radius:4px;width:30px;height:26px;line-height:22px}
.menu{flex:1;position:relative;border-left:1px solid rgba(0,0,0,.08);display:flex}
.menu>button{flex:1;font-size:15px;color:rgba(0,0,0,.9)}
.menu>button.sub::before{content:"≡ ";color:rgba(0,0,0,.4);font-size:12px}
.pop{position:absolute;bottom:58px;left:6px;right:6px;background:#fff;border-radius:6px;box-shadow:0 2px 12px rgba(0,0,0,.15);z-index:2}
.pop button{display:block;width:100%;padding:12px 10px;font-size:15px;border-top:1px solid rgba(0,0,0,.06);white-space:nowrap}
.pop button:first-child{border-top:0}
.plus{display:flex;gap:28px;padding:18px 24px 26px;border-top:1px solid rgba(0,0,0,.06)}
.plus button{display:flex;flex-direction:column;align-items:center;gap:6px;font-size:12px;color:rgba(0,0,0,.5)}
.plus button i{width:60px;height:60px;border-radius:12px;background:#fff;display:flex;align-items:center;justify-content:center}
.follow{padding:12px 16px}
.follow button{display:block;width:100%;height:44px;border-radius:8px;background:#07c160;color:#fff;font-size:17px;font-weight:500}
[hidden]{display:none!important}
`

/** JSON for a `<script type="application/json">` block: no `<` can end the element. */
function jsonData(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** The conversation page; `chat.js` builds everything that holds user or app text. */
export function chatPage(data: ChatPageData): string {
  return htmlDocument({
    title: data.accountName,
    css,
    body: `<header class="top">
<span class="top__back" aria-hidden="true">‹</span>
<h1 class="top__name" id="account-name"></h1>
<p class="top__who" id="who"></p>
<button class="top__follow" id="unfollow" type="button" hidden>取消关注</button>
</header>
<main class="log" id="log" aria-live="polite"></main>
<footer class="bar">
<div class="follow" id="follow-bar" hidden><button type="button" id="follow">关注公众号</button></div>
<div id="talk-bar" hidden>
<form class="input" id="input-bar">
<button class="round" type="button" id="to-menu" title="菜单" hidden>≡</button>
<input id="text" name="text" autocomplete="off" enterkeyhint="send" aria-label="消息">
<button class="round" type="button" id="plus-toggle" aria-label="更多">⊕</button>
<button class="send" type="submit" id="send">发送</button>
</form>
<nav class="menus" id="menu-bar" hidden><button class="round" type="button" id="to-input" title="键盘">⌨</button></nav>
<div class="plus" id="plus" hidden>
<button type="button" id="send-image"><i><svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true"><rect x="3" y="5" width="22" height="18" rx="2" fill="none" stroke="#333" stroke-width="1.6"/><circle cx="10" cy="11" r="2" fill="#333"/><path d="M4 21l7-7 5 5 3-3 6 6" fill="none" stroke="#333" stroke-width="1.6"/></svg></i>图片</button>
<button type="button" id="send-location"><i><svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true"><path d="M14 25s-8-8-8-13a8 8 0 0116 0c0 5-8 13-8 13z" fill="none" stroke="#333" stroke-width="1.6"/><circle cx="14" cy="12" r="3" fill="none" stroke="#333" stroke-width="1.6"/></svg></i>位置</button>
</div>
</div>
</footer>
<script type="application/json" id="chat-data">${jsonData(data)}</script>
<script src="/chat/chat.js"></script>`,
  })
}
