import type { Menu } from '@wxshop/shared'
import { WechatApiError, WechatUnavailableError } from '../wechat-error'
import type { WechatServerApi } from '../server-api'
import { MENU_ERRCODE_MEANINGS } from './menu-errors'
import { shopMenu } from './menu'
import { deleteMenu, MenuDataError, publishMenu } from './publish-menu'

export interface MenuCommandOptions {
  api: WechatServerApi
  publicUrl: string
  /** the command's arguments: none (publish) or `--delete` */
  args: readonly string[]
  /** one line of output (stdout) */
  print: (line: string) => void
  /** one line about a failure (stderr) */
  printError: (line: string) => void
  /** the menu to publish; the shop's (menu.ts) unless a test passes another */
  menu?: Menu
  /** added when WeChat does not answer, e.g. in mock mode: start the mock WeChat */
  unavailableHint?: string
}

/** One line per button, as a person checks a menu: `首页 → view http://…`. */
export function describeMenu(menu: Menu): string[] {
  const target = (button: Record<string, unknown>) => {
    const value = button.key ?? button.url ?? button.media_id ?? button.article_id
    return `${String(button.type)} ${String(value)}${button.pagepath ? ` (${String(button.appid)} ${String(button.pagepath)})` : ''}`
  }
  return menu.button.flatMap(button => 'sub_button' in button
    ? [`${button.name}`, ...button.sub_button.map(sub => `  ${sub.name} → ${target(sub)}`)]
    : [`${button.name} → ${target(button)}`])
}

/** What went wrong, for a person: WeChat's errcode and what it means, or why WeChat did not answer. */
export function describeMenuFailure(err: unknown): string {
  if (err instanceof WechatApiError) {
    const meaning = MENU_ERRCODE_MEANINGS[err.errcode]
    return `WeChat refused ${err.path}: errcode ${err.errcode} (${err.errmsg})${meaning ? `: ${meaning}` : ''}`
  }
  if (err instanceof WechatUnavailableError || err instanceof MenuDataError)
    return err.message
  return err instanceof Error ? err.message : String(err)
}

/**
 * `pnpm wechat:menu`: publishes the shop's menu and prints what WeChat now shows; `--delete`
 * removes it. Answers the exit code: 0, or 1 with the failure on printError (2 for bad arguments).
 */
export async function runMenuCommand(options: MenuCommandOptions): Promise<number> {
  const { api, args, print, printError } = options
  const unknown = args.filter(arg => arg !== '--delete')
  if (unknown.length > 0) {
    printError(`unknown argument ${unknown[0]}: use no argument to publish the menu, --delete to remove it`)
    return 2
  }
  try {
    if (args.includes('--delete')) {
      await deleteMenu(api)
      print('menu deleted: the Official Account shows no menu')
      return 0
    }
    const shown = await publishMenu(api, options.menu ?? shopMenu(options.publicUrl))
    print('menu published; WeChat now shows:')
    for (const line of describeMenu(shown))
      print(`  ${line}`)
    return 0
  } catch (err) {
    printError(describeMenuFailure(err))
    if (err instanceof WechatUnavailableError && options.unavailableHint)
      printError(options.unavailableHint)
    return 1
  }
}
