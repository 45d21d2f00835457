// WeChat's own sheets over the page: the 微信支付 sheet, the address picker (选择收货地址) and the
// one-button alert the client shows when it refuses a payment. Part of the in-page client (see
// bridge.js), served after overlays.js in the same function scope, whose helpers (el, styled,
// button, layer) it uses: plain DOM, inline !important styles, an open shadow root, no <style>
// (animations go through element.animate, which no Content-Security-Policy refuses).

/* global el, styled, button, layer, WECHAT_GREEN */

const TEXT = 'rgba(0, 0, 0, 0.9)'
const TEXT_2 = 'rgba(0, 0, 0, 0.55)'
const LINE = 'rgba(0, 0, 0, 0.1)'
/** WeUI's link colour: the 确定 of WeChat's own dialogs. */
const LINK = '#576b95'

/** A button as WeChat draws them: no focus ring, no tap highlight. */
function sheetButton(text, styles) {
  return button(text, { 'outline': 'none', '-webkit-tap-highlight-color': 'transparent', ...styles })
}

/** ¥39.90 from 3990 fen, without floating point. */
function yuan(fen) {
  const whole = Math.floor(fen / 100)
  return `${whole}.${String(fen % 100).padStart(2, '0')}`
}

/** A full-screen dimmed layer whose content sits in a white sheet at the bottom, rounded on top. */
function bottomSheet(label) {
  const { root, remove } = layer(label)
  styled(root, { 'justify-content': 'flex-end', 'align-items': 'center', 'background': 'rgba(0, 0, 0, 0.5)', 'color': TEXT })
  const sheet = el('div', {
    'position': 'relative',
    'box-sizing': 'border-box',
    'width': '100%',
    'max-width': '480px',
    'max-height': '85%',
    'display': 'flex',
    'flex-direction': 'column',
    'background': '#fff',
    'border-radius': '12px 12px 0 0',
    'padding-bottom': 'env(safe-area-inset-bottom, 0px)',
    'overflow': 'hidden',
  })
  root.append(sheet)
  sheet.animate([{ transform: 'translateY(100%)' }, { transform: 'translateY(0)' }], { duration: 200, easing: 'ease-out' })
  return { root, sheet, remove }
}

/** The ✕ at the top left of WeChat's sheets. */
function closeButton() {
  const close = sheetButton('✕', { 'position': 'absolute', 'left': '8px', 'top': '8px', 'width': '44px', 'height': '44px', 'padding': '0', 'background': 'transparent', 'color': TEXT, 'font-size': '20px', 'line-height': '44px', 'border-radius': '22px' })
  close.setAttribute('aria-label', '关闭')
  return close
}

function spinner(color) {
  const ring = el('span', {
    'display': 'inline-block',
    'box-sizing': 'border-box',
    'width': '18px',
    'height': '18px',
    'margin-right': '8px',
    'vertical-align': '-3px',
    'border': `2px solid ${color}`,
    'border-right-color': 'transparent',
    'border-radius': '50%',
  })
  ring.animate([{ transform: 'rotate(0deg)' }, { transform: 'rotate(360deg)' }], { duration: 800, iterations: Infinity })
  return ring
}

/** WeChat's round green check of 支付成功. */
function successMark() {
  const circle = el('div', { 'position': 'relative', 'width': '64px', 'height': '64px', 'border-radius': '50%', 'background': WECHAT_GREEN, 'margin': '0 auto' })
  circle.append(el('div', {
    'position': 'absolute',
    'left': '22px',
    'top': '14px',
    'width': '16px',
    'height': '28px',
    'border': 'solid #fff',
    'border-width': '0 4px 4px 0',
    'transform': 'rotate(45deg)',
  }))
  return circle
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by bridge.js, in the same scope
function createSheets() {
  /** WeChat's modal alert with one 确定: resolves when it is pressed. */
  function alert(text) {
    return new Promise((resolve) => {
      const { root, remove } = layer(text)
      root.setAttribute('role', 'alertdialog')
      styled(root, { 'align-items': 'center', 'justify-content': 'center', 'background': 'rgba(0, 0, 0, 0.5)', 'color': TEXT })
      const box = el('div', { 'box-sizing': 'border-box', 'width': '320px', 'max-width': 'calc(100% - 64px)', 'background': '#fff', 'border-radius': '12px', 'overflow': 'hidden', 'text-align': 'center' })
      const body = el('div', { 'padding': '32px 24px', 'font-size': '17px', 'line-height': '1.4', 'color': TEXT, 'word-break': 'break-all', 'white-space': 'pre-wrap' }, text)
      const ok = sheetButton('确定', { 'display': 'block', 'width': '100%', 'height': '56px', 'padding': '0', 'border-radius': '0', 'border-top': `1px solid ${LINE}`, 'background': '#fff', 'color': LINK, 'font-size': '17px', 'font-weight': '600' })
      ok.addEventListener('click', () => {
        remove()
        resolve()
      })
      box.append(body, ok)
      root.append(box)
      ok.focus()
    })
  }

  /**
   * The 微信支付 sheet for an order the checks let through: ✕, the merchant, the amount, the
   * description, 支付方式 零钱 and 确认支付. `complete(action)` tells the mock what the person pressed
   * ('confirm' | 'cancel') and answers the err_msg. Resolves to the err_msg for the page.
   */
  function paySheet(order, complete) {
    return new Promise((resolve) => {
      const { root, sheet, remove } = bottomSheet('微信支付')
      // one answer per sheet: a second tap, or ✕ while paying, changes nothing
      let busy = false
      const finish = (errMsg) => {
        remove()
        resolve(errMsg)
      }

      const close = closeButton()
      const head = el('div', { position: 'relative', height: '60px' })
      head.append(close)

      const summary = el('div', { 'padding': '0 24px 28px', 'text-align': 'center' })
      summary.append(
        el('div', { 'font-size': '16px', 'color': TEXT, 'margin-bottom': '8px' }, order.merchantName),
        amountOf(order.totalFen, '44px'),
        el('div', { 'font-size': '14px', 'color': TEXT_2, 'margin-top': '8px', 'word-break': 'break-all' }, order.description),
      )

      const method = el('div', { 'display': 'flex', 'align-items': 'center', 'justify-content': 'space-between', 'margin': '0 24px', 'padding': '16px 0', 'border-top': `1px solid ${LINE}`, 'border-bottom': `1px solid ${LINE}`, 'font-size': '16px' })
      const wallet = el('div', { 'display': 'flex', 'align-items': 'center', 'gap': '8px', 'color': TEXT })
      wallet.append(el('span', { 'display': 'inline-block', 'width': '20px', 'height': '20px', 'border-radius': '4px', 'background': '#fa9d3b', 'color': '#fff', 'font-size': '13px', 'line-height': '20px', 'text-align': 'center' }, '¥'), el('span', {}, '零钱'), el('span', { 'color': 'rgba(0, 0, 0, 0.3)', 'font-size': '18px' }, '›'))
      method.append(el('span', { color: TEXT_2 }, '支付方式'), wallet)

      const pay = sheetButton('确认支付', { 'display': 'block', 'width': 'calc(100% - 48px)', 'height': '48px', 'margin': '32px 24px 24px', 'padding': '0', 'background': WECHAT_GREEN, 'color': '#fff', 'font-size': '17px', 'font-weight': '600', 'border-radius': '8px' })

      sheet.append(head, summary, method, pay)

      async function cancel() {
        if (busy)
          return
        busy = true
        close.disabled = true
        pay.disabled = true
        let errMsg = 'get_brand_wcpay_request:cancel'
        try {
          errMsg = (await complete('cancel')) || errMsg
        } catch (error) {
          console.warn(error) // the person left the sheet: the page hears :cancel all the same
        }
        finish(errMsg)
      }

      async function confirm() {
        if (busy)
          return
        busy = true
        close.disabled = true
        pay.disabled = true
        pay.textContent = ''
        pay.append(spinner('#fff'), document.createTextNode('支付中'))
        styled(pay, { opacity: '0.7' })
        let errMsg
        try {
          errMsg = await complete('confirm')
        } catch (error) {
          console.warn(error)
          remove()
          await alert('支付失败，请稍后再试')
          resolve('get_brand_wcpay_request:fail')
          return
        }
        if (errMsg !== 'get_brand_wcpay_request:ok')
          return finish(errMsg)
        showSuccess(errMsg)
      }

      // what WeChat shows before it hands the page back: the check, 支付成功, the amount; 完成 or a moment
      function showSuccess(errMsg) {
        sheet.textContent = ''
        const done = sheetButton('完成', { 'display': 'block', 'width': '184px', 'height': '40px', 'margin': '32px auto 32px', 'padding': '0', 'background': 'rgba(0, 0, 0, 0.05)', 'color': WECHAT_GREEN, 'font-size': '17px', 'font-weight': '600', 'border-radius': '8px' })
        const page = el('div', { 'padding': '48px 24px 0', 'text-align': 'center' })
        page.setAttribute('role', 'status')
        page.append(successMark(), el('div', { 'font-size': '17px', 'margin': '16px 0 8px', 'color': TEXT }, '支付成功'), amountOf(order.totalFen, '32px'), el('div', { 'font-size': '14px', 'color': TEXT_2, 'margin-top': '8px' }, order.merchantName))
        sheet.append(page, done)
        let left = false
        const leave = () => {
          if (left)
            return
          left = true
          finish(errMsg)
        }
        done.addEventListener('click', leave)
        setTimeout(leave, 1500)
      }

      close.addEventListener('click', cancel)
      pay.addEventListener('click', confirm)
      // a tap on the dimmed page above the sheet is a cancel, as on the phone
      root.addEventListener('click', (event) => {
        if (event.target === root)
          cancel()
      })
      pay.focus()
    })
  }

  /**
   * WeChat's 选择收货地址 sheet: the user's address book, name and full phone number first, then the
   * address. Resolves to the chosen address, or null when it is closed.
   */
  function addressPicker(addresses) {
    return new Promise((resolve) => {
      const { root, sheet, remove } = bottomSheet('选择收货地址')
      const finish = (address) => {
        remove()
        resolve(address)
      }
      const close = closeButton()
      close.addEventListener('click', () => finish(null))
      const head = el('div', { 'position': 'relative', 'flex': 'none', 'height': '60px', 'line-height': '60px', 'text-align': 'center', 'font-size': '17px', 'font-weight': '600', 'color': TEXT, 'border-bottom': `1px solid ${LINE}` }, '选择收货地址')
      head.append(close)

      const list = el('div', { 'flex': '1', 'overflow-y': 'auto', 'min-height': '240px', 'padding-bottom': '16px' })
      if (addresses.length === 0)
        list.append(el('div', { 'padding': '88px 24px', 'text-align': 'center', 'font-size': '15px', 'color': TEXT_2 }, '暂无收货地址'))
      for (const address of addresses) {
        const region = [address.provinceName, address.cityName === address.provinceName ? '' : address.cityName, address.countryName].join('')
        const item = sheetButton('', { 'display': 'block', 'box-sizing': 'border-box', 'width': 'calc(100% - 32px)', 'margin': '0 16px', 'padding': '16px 8px', 'border-radius': '0', 'border-bottom': `1px solid ${LINE}`, 'background': 'transparent', 'text-align': 'left', 'color': TEXT })
        const who = el('div', { 'display': 'flex', 'gap': '12px', 'align-items': 'baseline', 'font-size': '17px', 'font-weight': '600' })
        who.append(el('span', {}, address.userName), el('span', { 'font-size': '15px', 'font-weight': '400', 'color': TEXT_2 }, address.telNumber))
        item.append(who, el('div', { 'margin-top': '6px', 'font-size': '14px', 'line-height': '1.5', 'color': TEXT_2, 'word-break': 'break-all' }, region + address.detailInfo))
        item.addEventListener('click', () => finish(address))
        list.append(item)
      }
      sheet.append(head, list)
      root.addEventListener('click', (event) => {
        if (event.target === root)
          finish(null)
      })
    })
  }

  function amountOf(fen, size) {
    const amount = el('div', { 'font-size': size, 'font-weight': '600', 'color': TEXT, 'line-height': '1.2', 'letter-spacing': '0.5px' })
    amount.append(el('span', { 'font-size': `calc(${size} * 0.6)`, 'margin-right': '2px' }, '¥'), document.createTextNode(yuan(fen)))
    return amount
  }

  return { alert, paySheet, addressPicker }
}
