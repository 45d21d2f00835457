import type { Menu } from '@wxshop/shared'
import { describe, expect, it } from 'vitest'
import { MenuKey, shopMenu } from '../../src/wechat/menu/menu'
import { runMenuCommand } from '../../src/wechat/menu/menu-command'
import { currentMenu, publishMenu } from '../../src/wechat/menu/publish-menu'
import { useAppWithMockWechat } from '../helper'

/** runMenuCommand with its output collected. */
async function run(stack: ReturnType<typeof useAppWithMockWechat>, args: string[] = [], menu?: Menu) {
  const out: string[] = []
  const err: string[] = []
  const code = await runMenuCommand({ api: stack.app.wechatApi, publicUrl: stack.app.config.publicUrl, args, menu, print: line => out.push(line), printError: line => err.push(line) })
  return { code, out, err }
}

describe('shopMenu', () => {
  it('should link 首页 and 我的订单 to PUBLIC_URL and give 联系客服 its click key', () => {
    expect(shopMenu('https://shop.example.com')).toEqual({
      button: [
        { type: 'view', name: '首页', url: 'https://shop.example.com/' },
        { type: 'view', name: '我的订单', url: 'https://shop.example.com/orders' },
        { type: 'click', name: '联系客服', key: MenuKey.ContactService },
      ],
    })
  })
})

describe('publishing the menu (pnpm wechat:menu)', () => {
  const stack = useAppWithMockWechat()
  const createCalls = async () => (await stack.mock.control<{ count: number }>('GET', '/calls?path=/cgi-bin/menu/create')).count

  it('should read back from WeChat exactly the menu it published', async () => {
    const menu = shopMenu(stack.app.config.publicUrl)
    expect(await publishMenu(stack.app.wechatApi, menu)).toEqual(menu)
    expect(await currentMenu(stack.app.wechatApi)).toEqual(menu)
  })

  it('should round-trip a parent with sub-buttons', async () => {
    const menu: Menu = {
      button: [
        { type: 'view', name: '首页', url: 'http://localhost:3000/' },
        { name: '更多', sub_button: [{ type: 'click', name: '联系客服', key: 'CONTACT_SERVICE' }, { type: 'scancode_push', name: '扫一扫', key: 'SCAN' }] },
      ],
    }
    expect(await publishMenu(stack.app.wechatApi, menu)).toEqual(menu)
  })

  it('should print what WeChat now shows and exit 0', async () => {
    const { code, out, err } = await run(stack)
    expect({ code, err }).toEqual({ code: 0, err: [] })
    expect(out).toEqual([
      'menu published; WeChat now shows:',
      '  首页 → view http://localhost:3000/',
      '  我的订单 → view http://localhost:3000/orders',
      '  联系客服 → click CONTACT_SERVICE',
    ])
  })

  it('should report WeChat\'s errcode and its meaning and exit 1 when WeChat refuses the menu', async () => {
    // six Chinese characters pass our schema but are 18 bytes: WeChat allows 16
    const { code, out, err } = await run(stack, [], { button: [{ type: 'click', name: '联系我们的客服', key: 'K' }] })
    expect(code).toBe(1)
    expect(out).toEqual([])
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/^WeChat refused \/cgi-bin\/menu\/create: errcode 40018 \(invalid button name size, rid: .+\): a top-level button name is empty or longer than 16 bytes/)
  })

  it('should refuse menu data that breaks the schema before asking WeChat', async () => {
    const before = await createCalls()
    const { code, err } = await run(stack, [], { button: [{ type: 'clik', name: '首页', key: 'K' }] } as unknown as Menu)
    expect(code).toBe(1)
    expect(err[0]).toMatch(/^the menu data is invalid at \/button\/0/)
    expect(await createCalls()).toBe(before)
  })

  it('should publish through the server-API client\'s retry rule when WeChat is busy once', async () => {
    // a first publish fetches a token (the mock's reset forgot the app's), so only the retry is counted
    await run(stack)
    const before = await createCalls()
    await stack.mock.control('POST', '/fail', { path: '/cgi-bin/menu/create', errcode: -1 })
    const { code } = await run(stack)
    expect(code).toBe(0)
    expect(await createCalls()).toBe(before + 2)
  })

  it('should remove the menu with --delete, after which WeChat has none', async () => {
    await run(stack)
    expect((await run(stack, ['--delete'])).code).toBe(0)
    await expect(currentMenu(stack.app.wechatApi)).rejects.toMatchObject({ errcode: 46003 })
  })

  it('should exit 2 without calling WeChat for an unknown argument', async () => {
    const before = await createCalls()
    const { code, err } = await run(stack, ['--dry-run'])
    expect(code).toBe(2)
    expect(err[0]).toContain('unknown argument --dry-run')
    expect(await createCalls()).toBe(before)
  })
})
