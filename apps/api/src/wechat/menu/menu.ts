import type { Menu } from '@wxshop/shared'

/** The click keys of the shop's menu: WeChat pushes them back in CLICK events (`EventKey`). */
export const MenuKey = {
  ContactService: 'CONTACT_SERVICE',
} as const
export type MenuKey = typeof MenuKey[keyof typeof MenuKey]

/**
 * The Official Account's menu (自定义菜单), as data: edit it here and run `pnpm wechat:menu`.
 * Links are built from PUBLIC_URL (without a trailing slash), so a deploy on another origin
 * publishes its own links.
 */
export function shopMenu(publicUrl: string): Menu {
  return {
    button: [
      { type: 'view', name: '首页', url: `${publicUrl}/` },
      { type: 'view', name: '我的订单', url: `${publicUrl}/orders` },
      { type: 'click', name: '联系客服', key: MenuKey.ContactService },
    ],
  }
}
