import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAppConfigStore } from '~/stores/app-config'
import { useSessionStore } from '~/stores/session'
import { me, stubHeldFetch } from './helpers'

const CONFIG = { appId: 'wx1', mode: 'mock', jsApiList: [], shopName: '微选好物' }

beforeEach(() => {
  sessionStorage.clear()
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('session store', () => {
  it('should ask GET /api/me once for callers that arrive together, and give them all the answer', async () => {
    const held = stubHeldFetch()
    const session = useSessionStore()
    const first = session.loadMe()
    const second = session.loadMe()
    expect(held).toHaveLength(1)
    held[0]!.answer({ body: me() })
    expect(await first).toEqual(me())
    expect(await second).toEqual(me())
    expect(await session.loadMe()).toEqual(me())
    expect(held).toHaveLength(1)
  })
})

describe('app config store', () => {
  it('should load the public config once per visit, for callers together and after', async () => {
    const held = stubHeldFetch()
    const appConfig = useAppConfigStore()
    const first = appConfig.load()
    const second = appConfig.load()
    held[0]!.answer({ body: CONFIG })
    expect(await first).toEqual(CONFIG)
    expect(await second).toEqual(CONFIG)
    expect(await appConfig.load()).toEqual(CONFIG)
    expect(held).toHaveLength(1)
    expect(appConfig.shopName).toBe('微选好物')
  })
})
