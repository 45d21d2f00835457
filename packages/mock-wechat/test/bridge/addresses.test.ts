import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { baseCode, build } from '../helper'

const SHOP = 'http://localhost:3000'
const DEVICE = '0123456789abcdef0123456789abcdef'
const OTHER_DEVICE = 'fedcba9876543210fedcba9876543210'

const HOME = {
  userName: '林小雨',
  telNumber: '13912345678',
  postalCode: '200030',
  provinceName: '上海市',
  cityName: '上海市',
  countryName: '徐汇区',
  detailInfo: '漕溪北路88号1203室',
  nationalCode: '310104',
}

function addressesOf(app: MockWechat, device = DEVICE, origin = SHOP) {
  return app.inject({ url: `/__bridge/addresses?device=${device}`, headers: { origin } })
}

function putUser(app: MockWechat, openid: string, payload: Record<string, unknown>) {
  return app.inject({ method: 'PUT', url: `/__control/users/${openid}`, payload })
}

/** Makes DEVICE play `openid`, as a page back from authorize with a code does. */
async function signIn(app: MockWechat, openid: string, device = DEVICE) {
  await app.inject({ method: 'POST', url: '/__control/next-login', payload: { openid } })
  const code = await baseCode(app)
  await app.inject({ method: 'POST', url: '/__bridge/session', headers: { origin: SHOP }, payload: { device, code } })
}

describe('GET /__bridge/addresses', () => {
  it('should offer two complete mainland addresses to a persona nobody gave any, the same ones every time', async () => {
    const { app } = build()
    await putUser(app, 'oAddrAlice0001', { nickname: 'Alice' })
    await signIn(app, 'oAddrAlice0001')
    const first = (await addressesOf(app)).json().addresses
    expect(first).toHaveLength(2)
    for (const address of first) {
      expect(address.userName).toMatch(/^\p{Script=Han}{2,3}$/u)
      expect(address.telNumber).toMatch(/^1[3-9]\d{9}$/)
      expect(address.postalCode).toMatch(/^\d{6}$/)
      expect(address.nationalCode).toMatch(/^\d{6}$/)
      expect(address.provinceName).toMatch(/[省市]$/)
      expect(address.cityName).toMatch(/市$/)
      expect(address.countryName).toMatch(/[区县]$/)
      expect(address.detailInfo.length).toBeGreaterThan(4)
    }
    expect(first[0].detailInfo).not.toBe(first[1].detailInfo)
    expect((await addressesOf(app)).json().addresses).toEqual(first)
  })

  it('should give different personas different address books', async () => {
    const { app } = build()
    await signIn(app, 'oAddrAlice0001')
    await signIn(app, 'oAddrBobby0002', OTHER_DEVICE)
    const alice = (await addressesOf(app)).json().addresses
    const bob = (await addressesOf(app, OTHER_DEVICE)).json().addresses
    expect(bob).not.toEqual(alice)
  })

  it('should answer the addresses a test set, replacing the defaults, and none after an empty list', async () => {
    const { app } = build()
    await signIn(app, 'oAddrAlice0001')
    expect((await putUser(app, 'oAddrAlice0001', { addresses: [HOME] })).statusCode).toBe(200)
    expect((await addressesOf(app)).json()).toEqual({ addresses: [HOME] })
    // a later change of other fields keeps them
    await putUser(app, 'oAddrAlice0001', { nickname: 'Alice 2' })
    expect((await addressesOf(app)).json()).toEqual({ addresses: [HOME] })
    await putUser(app, 'oAddrAlice0001', { addresses: [] })
    expect((await addressesOf(app)).json()).toEqual({ addresses: [] })
  })

  it('should answer no addresses to a browser that has not signed in', async () => {
    const { app } = build()
    await signIn(app, 'oAddrAlice0001')
    expect((await addressesOf(app, OTHER_DEVICE)).json()).toEqual({ addresses: [] })
  })

  it('should forget the addresses a test set when the mock is reset', async () => {
    const { app } = build()
    await putUser(app, 'oAddrAlice0001', { addresses: [HOME] })
    await signIn(app, 'oAddrAlice0001')
    await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })
    expect((await addressesOf(app)).json()).toEqual({ addresses: [] })
    await signIn(app, 'oAddrAlice0001')
    expect((await addressesOf(app)).json().addresses).not.toContainEqual(HOME)
  })

  it('should refuse a page of another site, and a malformed device id', async () => {
    const { app } = build()
    expect((await addressesOf(app, DEVICE, 'http://evil.example')).statusCode).toBe(403)
    expect((await addressesOf(app, 'not-a-device')).statusCode).toBe(400)
  })
})

describe('PUT /__control/users/:openid with addresses', () => {
  it.each([
    [{ addresses: [{ ...HOME, street: 'x' }] }, 'body/addresses/0 has an unknown property "street"'],
    [{ addresses: [{ ...HOME, userName: '' }] }, 'body/addresses/0/userName must NOT have fewer than 1 characters'],
    [{ addresses: [{ ...HOME, telNumber: undefined }] }, 'telNumber'],
    [{ addresses: HOME }, 'body/addresses must be array'],
  ])('should answer 400 when the body is %j', async (payload, message) => {
    const { app } = build()
    const response = await putUser(app, 'oAddrAlice0001', payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toContain(message)
  })

  it('should keep the user view as it was, without the address book', async () => {
    const { app } = build()
    const response = await putUser(app, 'oAddrAlice0001', { addresses: [HOME] })
    expect(response.json().user).not.toHaveProperty('addresses')
  })
})
