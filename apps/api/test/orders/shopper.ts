import type { App } from '../../src/app'
import { newOpenid, wechatLogin, type Browser } from '../auth-flow'
import type { MockWechatServer } from '../mock-wechat'

// Shoppers for order tests, signed in the way the SPA does it: WeChat login through the real mock,
// then a shop account registered and bound (POST /api/account/register).

let phones = 0
function newPhone(): string {
  phones += 1
  return `137${String(Date.now() % 1e4).padStart(4, '0')}${String(phones).padStart(4, '0')}`
}

export interface Shopper {
  browser: Browser
  openid: string
  accountId: number
}

/** A WeChat user with a bound shop account. */
export async function boundShopper(app: App, mock: MockWechatServer): Promise<Shopper> {
  const openid = newOpenid()
  const { browser } = await wechatLogin(app, mock, { openid })
  const registered = await browser.post('/api/account/register', { phone: newPhone(), password: 'secret123' })
  if (registered.statusCode !== 200)
    throw new Error(`register failed (${registered.statusCode}): ${registered.body}`)
  return { browser, openid, accountId: registered.json().account.id }
}

/** A WeChat user signed in but with no shop account bound. */
export async function unboundShopper(app: App, mock: MockWechatServer): Promise<Browser> {
  return (await wechatLogin(app, mock, { openid: newOpenid() })).browser
}
