import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { authGuard } from '~/auth/guard'
import { navigateAway } from '~/auth/navigate-away'
import { routes } from '~/router/routes'
import { useSessionStore } from '~/stores/session'
import { account, type ApiAnswer, type ApiCall, apiError, me, profile, stubApi } from './helpers'

vi.mock('~/auth/navigate-away', () => ({ navigateAway: vi.fn() }))

const AUTHORIZE_URL = 'http://127.0.0.1:3100/connect/oauth2/authorize?appid=wx1&state=S#wechat_redirect'
const MOCK_CONFIG = { appId: 'wx1', mode: 'mock', jsApiList: [], shopName: '微选好物' }

let router: Router
let calls: ApiCall[]
let uniqueCode = 0

/** The API: config, authorize and logout always work; /api/me and the code exchange as each test says. */
function api(answers: { me?: () => ApiAnswer, code?: (body: { code: string, state: string }) => ApiAnswer, config?: unknown }) {
  calls = stubApi((call) => {
    if (call.path === '/api/config')
      return { body: answers.config ?? MOCK_CONFIG }
    if (call.path === '/api/auth/wechat/authorize')
      return { body: { url: AUTHORIZE_URL } }
    if (call.path === '/api/me')
      return answers.me?.() ?? apiError(401, 'UNAUTHORIZED')
    if (call.path === '/api/auth/wechat/code')
      return answers.code?.(call.body as { code: string, state: string }) ?? { body: me() }
    return apiError(404, 'NOT_FOUND')
  })
}

/** A fresh page load: new pinia, new router, the address bar at `url` (sessionStorage survives). */
function load(url = '/') {
  window.history.replaceState(null, '', url)
  setActivePinia(createPinia())
  router = createRouter({
    history: createMemoryHistory(),
    routes: routes.map(route => ({ ...route, component: { render: () => null } }) as typeof route),
  })
  router.beforeEach(authGuard)
}

const address = () => window.location.pathname + window.location.search + window.location.hash
const current = () => router.currentRoute.value.fullPath
const callsTo = (path: string) => calls.filter(call => call.path === path)
const authorizeBodies = () => callsTo('/api/auth/wechat/authorize').map(call => call.body)
const nextCode = () => `CODE${++uniqueCode}`

beforeEach(() => {
  sessionStorage.clear()
  vi.mocked(navigateAway).mockClear()
  load()
})

afterEach(() => {
  vi.unstubAllGlobals()
  window.history.replaceState(null, '', '/')
})

describe('auth guard: identity', () => {
  it('should authorise silently with snsapi_base when there is no session', async () => {
    api({})
    await router.push('/product/3?from=share')
    expect(authorizeBodies()).toEqual([{ scope: 'snsapi_base', returnTo: '/product/3?from=share' }])
    expect(navigateAway).toHaveBeenCalledWith(AUTHORIZE_URL)
    // the navigation is cancelled while the page leaves for WeChat
    expect(router.currentRoute.value.matched).toHaveLength(0)
  })

  it('should let a returning user through after one GET /api/me per page life', async () => {
    api({ me: () => ({ body: me() }) })
    await router.push('/')
    await router.push('/cart')
    await router.push('/product/3')
    expect(current()).toBe('/product/3')
    expect(callsTo('/api/me')).toHaveLength(1)
    expect(navigateAway).not.toHaveBeenCalled()
  })

  it('should ask for snsapi_userinfo on the profile when the session only has snsapi_base', async () => {
    api({ me: () => ({ body: me({ scope: 'snsapi_base', account }) }) })
    await router.push('/')
    await router.push('/profile')
    expect(current()).toBe('/')
    expect(authorizeBodies()).toEqual([{ scope: 'snsapi_userinfo', returnTo: '/profile' }])
  })

  it('should never ask for snsapi_userinfo on a page that does not show the profile', async () => {
    api({ me: () => ({ body: me({ scope: 'snsapi_base' }) }) })
    await router.push('/cart')
    expect(current()).toBe('/cart')
    expect(authorizeBodies()).toEqual([])
  })

  it('should send an unbound user to /login with the page as redirect', async () => {
    api({ me: () => ({ body: me({ scope: 'snsapi_userinfo', profile }) }) })
    await router.push('/profile')
    expect(current()).toBe('/login?redirect=/profile')
  })

  it('should let a bound user with the profile onto /profile', async () => {
    api({ me: () => ({ body: me({ scope: 'snsapi_userinfo', profile, account }) }) })
    await router.push('/profile')
    expect(current()).toBe('/profile')
  })

  it('should send a bound user away from /login to the redirect, or to /profile when it is not ours', async () => {
    api({ me: () => ({ body: me({ scope: 'snsapi_userinfo', account }) }) })
    await router.push('/login?redirect=%2Fproduct%2F3%3Ffrom%3Dshare')
    expect(current()).toBe('/product/3?from=share')
    await router.push('/login?redirect=//evil.example')
    expect(current()).toBe('/profile')
  })

  it('should send a bound user\'s /login?redirect=/..//evil.example to /profile, not off our origin', async () => {
    api({ me: () => ({ body: me({ scope: 'snsapi_userinfo', account }) }) })
    await router.push('/login?redirect=/..//evil.example')
    expect(current()).toBe('/profile')
  })

  it('should take what a path needs from the shared table, also for a path the route table does not name yet', async () => {
    // /orders needs a bound account in @wxshop/shared's routeAuthFor; the SPA has no orders page yet.
    api({ me: () => ({ body: me() }) })
    await router.push('/orders/3')
    expect(current()).toBe('/login?redirect=/orders/3')
  })

  it('should let an unbound user stay on /login', async () => {
    api({ me: () => ({ body: me() }) })
    await router.push('/login?redirect=/profile')
    expect(current()).toBe('/login?redirect=/profile')
  })

  it('should render the authorisation pages without asking anyone', async () => {
    api({})
    await router.push('/auth/denied?returnTo=/profile')
    await router.push('/auth/error?reason=unknown')
    await router.push('/open-in-wechat')
    expect(current()).toBe('/open-in-wechat')
    expect(calls).toEqual([])
  })

  it('should send a live-mode visitor outside WeChat to /open-in-wechat instead of authorising', async () => {
    api({ config: { ...MOCK_CONFIG, mode: 'live' } })
    await router.push('/product/3')
    expect(current()).toBe('/open-in-wechat?returnTo=/product/3')
    expect(authorizeBodies()).toEqual([])
  })

  it('should browse on when /api/me cannot be reached, but explain on a page that needs the user', async () => {
    api({ me: () => ({ networkError: true }) })
    await router.push('/')
    expect(current()).toBe('/')
    await router.push('/profile')
    expect(current()).toBe('/auth/error?reason=unavailable&returnTo=/profile')
    expect(navigateAway).not.toHaveBeenCalled()
  })

  it('should stop authorising a page automatically after two tries in two minutes', async () => {
    api({})
    for (let load_ = 0; load_ < 2; load_++) {
      load('/')
      await router.push('/')
    }
    expect(navigateAway).toHaveBeenCalledTimes(2)
    load('/')
    await router.push('/')
    expect(current()).toBe('/auth/error?reason=loop&returnTo=/')
    expect(navigateAway).toHaveBeenCalledTimes(2)
  })
})

describe('auth guard: OAuth callback', () => {
  it('should exchange the code, strip it from the address bar and continue without it (history mode)', async () => {
    const code = nextCode()
    api({ code: () => ({ body: me({ openid: 'oNew' }) }) })
    load(`/product/3?from=share&code=${code}&state=S1`)
    await router.push(`/product/3?from=share&code=${code}&state=S1`)
    expect(callsTo('/api/auth/wechat/code').map(call => call.body)).toEqual([{ code, state: 'S1' }])
    expect(address()).toBe('/product/3?from=share')
    expect(current()).toBe('/product/3?from=share')
    expect(useSessionStore().me?.openid).toBe('oNew')
    // the exchange answered who this is: no /api/me, no authorisation
    expect(callsTo('/api/me')).toEqual([])
    expect(navigateAway).not.toHaveBeenCalled()
  })

  it('should read the callback before the # in hash mode and keep the hash route', async () => {
    const code = nextCode()
    api({})
    load(`/?code=${code}&state=S2#/product/3`)
    await router.push('/product/3')
    expect(callsTo('/api/auth/wechat/code').map(call => call.body)).toEqual([{ code, state: 'S2' }])
    expect(address()).toBe('/#/product/3')
    expect(current()).toBe('/product/3')
  })

  it('should read WeChat\'s #wechat_redirect as the home page in hash mode and still finish the callback', async () => {
    const code = nextCode()
    api({})
    load(`/?code=${code}&state=S12#wechat_redirect`)
    await router.push('/wechat_redirect')
    expect(current()).toBe('/')
    expect(address()).toBe('/')
    expect(callsTo('/api/auth/wechat/code')).toHaveLength(1)
  })

  it('should never post the same code twice in one page life', async () => {
    const code = nextCode()
    api({})
    load(`/cart?code=${code}&state=S3`)
    await router.push(`/cart?code=${code}&state=S3`)
    // e.g. a back/forward-cache restore brings the old address back
    window.history.replaceState(null, '', `/cart?code=${code}&state=S3`)
    await router.push('/product/3')
    expect(callsTo('/api/auth/wechat/code')).toHaveLength(1)
    expect(current()).toBe('/product/3')
    expect(address()).toBe('/cart')
  })

  it('should show /auth/denied when the user refused consent, and not authorise again', async () => {
    api({})
    load('/profile?state=S4')
    await router.push('/profile?state=S4')
    expect(current()).toBe('/auth/denied?returnTo=/profile')
    expect(address()).toBe('/profile')
    expect(calls.filter(call => call.path !== '/api/config')).toEqual([])
    expect(navigateAway).not.toHaveBeenCalled()
  })

  it('should start one fresh authorisation for an invalid code, and show /auth/error the second time', async () => {
    api({ code: () => apiError(400, 'OAUTH_CODE_INVALID', '微信授权已失效，请重新进入') })
    let code = nextCode()
    load(`/product/3?code=${code}&state=S5`)
    await router.push(`/product/3?code=${code}&state=S5`)
    expect(authorizeBodies()).toEqual([{ scope: 'snsapi_base', returnTo: '/product/3' }])
    expect(navigateAway).toHaveBeenCalledTimes(1)
    expect(address()).toBe('/product/3')

    // WeChat brings the user back with another code that fails too
    code = nextCode()
    load(`/product/3?code=${code}&state=S6`)
    await router.push(`/product/3?code=${code}&state=S6`)
    expect(current()).toBe('/auth/error?reason=code_invalid&returnTo=/product/3')
    expect(navigateAway).toHaveBeenCalledTimes(1)
  })

  it('should treat a refused state the same way, with its own reason', async () => {
    api({ code: () => apiError(400, 'OAUTH_STATE_INVALID') })
    let code = nextCode()
    load(`/?code=${code}&state=FOREIGN#/cart`)
    await router.push('/cart')
    expect(authorizeBodies()).toEqual([{ scope: 'snsapi_base', returnTo: '/cart' }])
    code = nextCode()
    load(`/?code=${code}&state=FOREIGN#/cart`)
    await router.push('/cart')
    expect(current()).toBe('/auth/error?reason=state_invalid&returnTo=/cart')
  })

  it('should ask for snsapi_userinfo again when the profile\'s code was refused', async () => {
    api({ code: () => apiError(400, 'OAUTH_CODE_INVALID') })
    const code = nextCode()
    load(`/profile?code=${code}&state=S7`)
    await router.push(`/profile?code=${code}&state=S7`)
    expect(authorizeBodies()).toEqual([{ scope: 'snsapi_userinfo', returnTo: '/profile' }])
  })

  it('should show /auth/error?reason=unavailable when WeChat does not answer', async () => {
    api({ code: () => apiError(502, 'WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后重试') })
    const code = nextCode()
    load(`/cart?code=${code}&state=S8`)
    await router.push(`/cart?code=${code}&state=S8`)
    expect(current()).toBe('/auth/error?reason=unavailable&returnTo=/cart')
    expect(address()).toBe('/cart')
    expect(navigateAway).not.toHaveBeenCalled()
  })

  it('should show /auth/error?reason=unknown for any other WeChat failure', async () => {
    api({ code: () => apiError(502, 'WECHAT_ERROR') })
    const code = nextCode()
    load(`/?code=${code}&state=S9`)
    await router.push(`/?code=${code}&state=S9`)
    expect(current()).toBe('/auth/error?reason=unknown&returnTo=/')
  })
})

describe('auth guard: snapshot page (快照页)', () => {
  it('should browse without a session or a new authorisation after a snapshot callback, also after a reload', async () => {
    const code = nextCode()
    api({ code: () => ({ body: me({ openid: 'oVirtual', snapshot: true }) }) })
    load(`/profile?code=${code}&state=S10`)
    await router.push(`/profile?code=${code}&state=S10`)
    // the profile is not shown (App.vue explains instead), and nothing redirects
    expect(current()).toBe('/profile')
    expect(useSessionStore().snapshot).toBe(true)
    await router.push('/')
    await router.push('/cart')
    expect(current()).toBe('/cart')

    // a reload: no session cookie, /api/me says 401, and still no trip to WeChat
    load('/cart')
    await router.push('/cart')
    await router.push('/profile')
    await router.push('/login')
    expect(current()).toBe('/login')
    expect(useSessionStore().snapshot).toBe(true)
    expect(authorizeBodies()).toEqual([])
    expect(navigateAway).not.toHaveBeenCalled()
  })

  it('should leave snapshot mode when a real identity arrives', async () => {
    api({ code: () => ({ body: me({ scope: 'snsapi_userinfo', profile }) }) })
    sessionStorage.setItem('wxshop:snapshot', '1')
    const code = nextCode()
    load(`/profile?code=${code}&state=S11`)
    await router.push(`/profile?code=${code}&state=S11`)
    expect(useSessionStore().snapshot).toBe(false)
    expect(current()).toBe('/login?redirect=/profile')
  })
})
