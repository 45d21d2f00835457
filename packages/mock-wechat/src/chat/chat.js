// The chat page's script (GET /chat/chat.js): a WeChat conversation with the Official Account.
// Everything holding user or app text is built with textContent and DOM calls, never innerHTML.
// It talks only to the page's own /chat/api: send pushes one thing the user did and answers what
// WeChat made of the app's reply; messages lists the customer-service messages sent to the persona.

/* global document, window, location */

const PERSONA_KEY = 'mockwx:chat-openid'
const POLL_MS = 2000
const UNAVAILABLE = '该公众号暂时无法提供服务，请稍后再试'

const data = JSON.parse(document.getElementById('chat-data').textContent)
const $ = id => document.getElementById(id)
const log = $('log')

function el(tag, className, text) {
  const node = document.createElement(tag)
  if (className)
    node.className = className
  if (text !== undefined)
    node.textContent = text
  return node
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok)
    throw new Error(json.error ? json.error.message : `HTTP ${response.status}`)
  return json
}

// 1. Who the page plays: ?openid=, else the persona this browser made before, else a new one.
async function choosePersona() {
  if (data.persona)
    return true
  let openid = localStorage.getItem(PERSONA_KEY)
  if (!openid) {
    openid = (await api('POST', '/chat/api/persona', {})).openid
    localStorage.setItem(PERSONA_KEY, openid)
  }
  const query = new URLSearchParams(location.search)
  query.set('openid', openid)
  location.replace(`/chat?${query}`)
  return false
}

// 2. Rendering, as WeChat shows a conversation.
function scrollDown() {
  log.scrollTop = log.scrollHeight
}

function row(fromMe, content) {
  const line = el('div', fromMe ? 'row row_me' : 'row')
  const avatar = el('img', 'avatar')
  avatar.alt = ''
  avatar.src = fromMe ? `/avatars/${encodeURIComponent(data.persona.openid)}.svg` : data.accountAvatar
  avatar.addEventListener('error', () => avatar.removeAttribute('src'), { once: true })
  line.append(avatar, content)
  log.append(line)
  scrollDown()
  return line
}

function system(text) {
  const line = el('div', 'system')
  line.append(el('span', '', text))
  log.append(line)
  scrollDown()
}

// WeChat shows a text's <a href="…">…</a> as a link and the rest as written, line breaks kept.
const LINK = /<a\s+href=(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>|(https?:\/\/[^\s<>"']+)/gi

function linkOf(href, text) {
  const a = el('a', '', text)
  if (/^https?:\/\//i.test(href)) {
    a.href = href
    a.target = '_blank'
    a.rel = 'noopener'
  }
  return a
}

function textBubble(content) {
  const bubble = el('div', 'bubble')
  let last = 0
  for (const match of content.matchAll(LINK)) {
    bubble.append(document.createTextNode(content.slice(last, match.index)))
    bubble.append(match[4] ? linkOf(match[4], match[4]) : linkOf(match[2], match[3]))
    last = match.index + match[0].length
  }
  bubble.append(document.createTextNode(content.slice(last)))
  return bubble
}

function picture(src, className) {
  const img = el('img', className)
  img.alt = ''
  if (src)
    img.src = src
  return img
}

// One article: title, picture, description. More: the first big, the rest as lines with thumbnails.
function newsCard(articles) {
  const [first, ...rest] = articles
  const card = el('div', 'card')
  const head = el('a', '')
  head.style.color = 'inherit'
  head.style.textDecoration = 'none'
  if (/^https?:\/\//i.test(first.url || '')) {
    head.href = first.url
    head.target = '_blank'
  }
  head.append(el('div', 'card__title', first.title || ''))
  if (rest.length === 0) {
    const body = el('div', 'card__body')
    body.append(el('div', 'card__desc', first.description || ''))
    if (first.picUrl)
      body.append(picture(first.picUrl, 'card__thumb'))
    head.append(body)
  } else {
    head.prepend(picture(first.picUrl, 'card__pic'))
  }
  card.append(head)
  for (const article of rest) {
    const more = el('a', 'card__more')
    if (/^https?:\/\//i.test(article.url || ''))
      more.href = article.url
    more.append(el('span', '', article.title || ''), picture(article.picUrl, ''))
    card.append(more)
  }
  card.dataset.kind = 'news'
  return card
}

function pictureBubble(label) {
  return el('div', 'pic', label)
}

/** A passive reply (shared's Reply: type and its fields). */
function showReply(reply) {
  if (reply.type === 'text')
    return row(false, textBubble(reply.content))
  if (reply.type === 'news')
    return row(false, newsCard(reply.articles))
  if (reply.type === 'image')
    return row(false, pictureBubble('[图片]'))
  const names = { voice: '[语音]', video: '[视频]', music: '[音乐]' }
  return row(false, textBubble(names[reply.type] || `[${reply.type}]`))
}

/** A customer-service message as the app posted it (message/custom/send). */
function showCustom(message) {
  const body = message.body
  switch (message.msgtype) {
    case 'text':
      return row(false, textBubble(body.text.content))
    case 'news': {
      const articles = body.news.articles.map(a => ({ title: a.title, description: a.description, url: a.url, picUrl: a.picurl }))
      return row(false, newsCard(articles))
    }
    case 'image':
      return row(false, pictureBubble('[图片]'))
    default:
      return row(false, textBubble(`[${message.msgtype}]`))
  }
}

// 3. Doing things: every action is one push; the reply (if any) is shown as WeChat would.
let busy = Promise.resolve()

function push(body, mine) {
  if (mine)
    row(true, mine)
  busy = busy.then(async () => {
    try {
      const result = await api('POST', '/chat/api/send', { openid: data.persona.openid, ...body })
      if (result.problem)
        system(UNAVAILABLE)
      else if (result.reply)
        showReply(result.reply)
    } catch (err) {
      system(`模拟器：${err.message}`)
    }
  })
  return busy
}

function setFollowing(following) {
  data.persona.subscribe = following ? 1 : 0
  $('follow-bar').hidden = following
  $('talk-bar').hidden = !following
  $('unfollow').hidden = !following
}

function showInput(input) {
  $('input-bar').hidden = !input
  $('menu-bar').hidden = input || !data.menu
  $('plus').hidden = true
}

function closePops() {
  for (const pop of document.querySelectorAll('.pop'))
    pop.remove()
}

function tap(button) {
  closePops()
  if (button.type === 'click')
    return push({ kind: 'click', eventKey: button.key })
  if (button.type === 'view') {
    // WeChat tells the account (a VIEW event) and opens the page
    void push({ kind: 'view', eventKey: button.url })
    window.open(button.url, '_blank', 'noopener')
    return
  }
  system(`模拟器：菜单类型 ${button.type} 在此页面不可用`)
}

function buildMenu() {
  const bar = $('menu-bar')
  for (const top of data.menu.button) {
    const cell = el('div', 'menu')
    const button = el('button', top.sub_button.length ? 'sub' : '', top.name)
    button.type = 'button'
    button.addEventListener('click', (event) => {
      event.stopPropagation()
      if (!top.sub_button.length)
        return tap(top)
      const open = cell.querySelector('.pop')
      closePops()
      if (open)
        return
      const pop = el('div', 'pop')
      for (const sub of top.sub_button) {
        const item = el('button', '', sub.name)
        item.type = 'button'
        item.addEventListener('click', (e) => {
          e.stopPropagation()
          tap(sub)
        })
        pop.append(item)
      }
      cell.append(pop)
    })
    cell.append(button)
    bar.append(cell)
  }
  $('to-menu').hidden = false
  document.addEventListener('click', closePops)
}

// 4. Customer-service messages arrive later: poll for new ones to this persona.
let seen = 0
async function poll() {
  try {
    const { messages } = await api('GET', `/chat/api/messages?openid=${encodeURIComponent(data.persona.openid)}`)
    // the list is oldest first; a reset empties it
    if (messages.length < seen)
      seen = 0
    for (const message of messages.slice(seen))
      showCustom(message)
    seen = messages.length
  } catch {
    // the mock restarting: try again next time
  }
}

async function main() {
  $('account-name').textContent = data.accountName
  if (!(await choosePersona()))
    return
  const { persona } = data
  $('who').textContent = `当前用户：${persona.nickname || '新用户'} · ${persona.openid}`
  log.append(el('div', 'time', new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })))
  setFollowing(persona.subscribe === 1)
  if (data.menu)
    buildMenu()
  showInput(!data.menu)

  $('input-bar').addEventListener('submit', (event) => {
    event.preventDefault()
    const text = $('text').value
    if (text.trim() === '')
      return
    $('text').value = ''
    void push({ kind: 'text', content: text }, textBubble(text))
  })
  $('to-menu').addEventListener('click', () => showInput(false))
  $('to-input').addEventListener('click', () => showInput(true))
  $('plus-toggle').addEventListener('click', () => {
    $('plus').hidden = !$('plus').hidden
  })
  $('send-image').addEventListener('click', () => {
    $('plus').hidden = true
    void push({ kind: 'image' }, pictureBubble('[图片]'))
  })
  $('send-location').addEventListener('click', () => {
    $('plus').hidden = true
    const place = el('div', 'loc')
    place.append(el('b', '', '天安门广场'), el('small', '', '北京市东城区东长安街'), el('i'))
    void push({ kind: 'location', latitude: 39.903740, longitude: 116.397827, label: '北京市东城区东长安街天安门广场' }, place)
  })
  $('follow').addEventListener('click', () => {
    setFollowing(true)
    void push({ kind: 'subscribe' })
  })
  $('unfollow').addEventListener('click', () => {
    setFollowing(false)
    system('你已取消关注该公众号')
    void push({ kind: 'unsubscribe' })
  })

  await poll()
  setInterval(poll, POLL_MS)
}

void main()
