// What the phone draws over the page: WeChat's scanner (扫一扫) and full-screen notices (页面已关闭,
// a scanned text). Part of the in-page client (see bridge.js), served in the same function scope.
//
// Plain DOM with inline styles set through the CSSOM: no innerHTML (a scanned text is never markup),
// no <style> element, so the shop's Content-Security-Policy has nothing to refuse. Everything sits in
// an open shadow root whose host resets every property: the shop's CSS cannot reach inside, and the
// page's own styles neither hide nor restyle it.

/** Sets styles that no page rule can outrank: inline and !important. */
function styled(element, styles) {
  for (const [name, value] of Object.entries(styles))
    element.style.setProperty(name, value, 'important')
  return element
}

function el(tag, styles, text) {
  const element = styled(document.createElement(tag), styles)
  if (text !== undefined)
    element.textContent = text
  return element
}

const FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Helvetica Neue", "Microsoft YaHei", sans-serif'
const WECHAT_GREEN = '#07c160'

/** A full-screen layer above the page, isolated from the page's CSS; returns its root and a remover. */
function layer(label) {
  const host = styled(document.createElement('mockwx-overlay'), {
    'all': 'initial',
    'position': 'fixed',
    'inset': '0',
    'z-index': '2147483647',
    'display': 'block',
    'visibility': 'visible',
    'opacity': '1',
    'transform': 'none',
    'pointer-events': 'auto',
  })
  const shadow = host.attachShadow({ mode: 'open' })
  const root = el('div', {
    'position': 'absolute',
    'inset': '0',
    'display': 'flex',
    'flex-direction': 'column',
    'box-sizing': 'border-box',
    'font-family': FONT,
    'font-size': '16px',
    'line-height': '1.4',
    'color': '#fff',
    'background': 'rgba(0, 0, 0, 0.92)',
  })
  root.setAttribute('role', 'dialog')
  root.setAttribute('aria-modal', 'true')
  root.setAttribute('aria-label', label)
  shadow.append(root)
  // on <html>, not <body>: a page may restyle or replace its body
  document.documentElement.append(host)
  return { root, remove: () => host.remove() }
}

function button(text, styles) {
  const element = el('button', {
    'appearance': 'none',
    'border': '0',
    'border-radius': '8px',
    'padding': '10px 18px',
    'font-family': FONT,
    'font-size': '16px',
    'cursor': 'pointer',
    ...styles,
  }, text)
  element.type = 'button'
  return element
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by bridge.js, in the same scope
function createOverlays() {
  let scanning = null

  /**
   * WeChat's scanner, played by a person: type what the camera would read, or pick a recent code.
   * Resolves to the text, or null for 取消.
   */
  function scanner(recent) {
    if (scanning)
      return Promise.resolve(null) // one scanner at a time, as on the phone
    scanning = new Promise((resolve) => {
      const { root, remove } = layer('扫一扫')
      const finish = (text) => {
        remove()
        scanning = null
        resolve(text)
      }

      const bar = el('div', { 'display': 'flex', 'align-items': 'center', 'justify-content': 'space-between', 'padding': '14px 16px' })
      const cancel = button('取消', { background: 'transparent', color: '#fff', padding: '6px 4px' })
      cancel.addEventListener('click', () => finish(null))
      bar.append(cancel, el('div', { 'font-size': '17px', 'font-weight': '600' }, '扫一扫'), el('div', { width: '36px' }))

      const viewfinder = el('div', { 'flex': '1', 'display': 'flex', 'flex-direction': 'column', 'align-items': 'center', 'justify-content': 'center', 'gap': '16px', 'padding': '0 24px' })
      const frame = el('div', {
        'position': 'relative',
        'width': '220px',
        'height': '220px',
        'border': `2px solid ${WECHAT_GREEN}`,
        'border-radius': '4px',
        'box-shadow': '0 0 0 4000px rgba(0, 0, 0, 0.35)',
      })
      frame.append(el('div', { 'position': 'absolute', 'left': '8px', 'right': '8px', 'top': '50%', 'height': '2px', 'background': WECHAT_GREEN, 'box-shadow': `0 0 8px ${WECHAT_GREEN}` }))
      viewfinder.append(frame, el('div', { 'font-size': '13px', 'color': 'rgba(255, 255, 255, 0.7)' }, '将二维码/条码放入框内，即可自动扫描'))

      const form = el('form', { display: 'flex', gap: '8px', padding: '16px', margin: '0' })
      const input = el('input', {
        'flex': '1',
        'min-width': '0',
        'padding': '10px 12px',
        'border': '0',
        'border-radius': '8px',
        'font-family': FONT,
        'font-size': '16px',
        'color': '#111',
        'background': '#fff',
      })
      input.type = 'text'
      input.placeholder = '输入二维码或条码内容'
      input.setAttribute('aria-label', '输入二维码或条码内容')
      input.maxLength = 2048
      const confirm = button('确定', { background: WECHAT_GREEN, color: '#fff' })
      confirm.type = 'submit'
      form.append(input, confirm)
      form.addEventListener('submit', (event) => {
        event.preventDefault()
        const text = input.value.trim()
        if (text)
          finish(text)
        else
          input.focus()
      })

      const recentList = el('div', { 'display': 'flex', 'flex-wrap': 'wrap', 'gap': '8px', 'padding': '0 16px 24px' })
      if (recent.length > 0) {
        recentList.append(el('div', { 'width': '100%', 'font-size': '13px', 'color': 'rgba(255, 255, 255, 0.7)' }, '最近使用'))
        for (const text of recent) {
          const pick = button(text, { 'background': 'rgba(255, 255, 255, 0.15)', 'color': '#fff', 'font-size': '14px', 'padding': '6px 12px', 'max-width': '100%', 'overflow': 'hidden', 'text-overflow': 'ellipsis', 'white-space': 'nowrap' })
          pick.addEventListener('click', () => finish(text))
          recentList.append(pick)
        }
      }

      root.append(bar, viewfinder, form, recentList)
      input.focus()
    })
    return scanning
  }

  /** A full-screen notice: 页面已关闭 stays; a dismissable one (a scanned text) closes on 完成. */
  function notice(text, options = {}) {
    const { root, remove } = layer(text)
    styled(root, { 'align-items': 'center', 'justify-content': 'center', 'gap': '24px', 'padding': '24px', 'background': options.dismissable ? 'rgba(0, 0, 0, 0.92)' : '#ededed', 'color': options.dismissable ? '#fff' : '#111' })
    root.append(el('div', { 'font-size': '17px', 'text-align': 'center', 'word-break': 'break-all', 'white-space': 'pre-wrap' }, text))
    if (options.dismissable) {
      const done = button('完成', { background: WECHAT_GREEN, color: '#fff' })
      done.addEventListener('click', remove)
      root.append(done)
    }
  }

  return { scanner, notice }
}
