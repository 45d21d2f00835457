/** One button as `menu/get` answers it: every action button carries an empty `sub_button`. */
export interface MenuButtonRecord {
  type?: string
  name: string
  key?: string
  url?: string
  media_id?: string
  article_id?: string
  appid?: string
  pagepath?: string
  sub_button: MenuButtonRecord[]
}

export interface MenuRecord {
  button: MenuButtonRecord[]
}

/** The Official Account's custom menu (`cgi-bin/menu/create`), none until one is created. */
export function createMenus() {
  let current: MenuRecord | undefined
  return {
    current: (): MenuRecord | undefined => current,
    set(menu: MenuRecord): void {
      current = menu
    },
    clear(): void {
      current = undefined
    },
  }
}

export type Menus = ReturnType<typeof createMenus>
