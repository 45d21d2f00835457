import type { Migration } from 'kysely/migration'
import * as catalog from './001-catalog'
import * as auth from './002-auth'
import * as wechatCredentials from './003-wechat-credentials'
import * as wechatMessages from './004-wechat-messages'
import * as orders from './005-orders'

/**
 * Every migration by name, in order. A static list rather than a folder scan, so the esbuild
 * bundle carries them and no .ts file is read at run time.
 */
export const migrations: Record<string, Migration> = {
  '001-catalog': catalog,
  '002-auth': auth,
  '003-wechat-credentials': wechatCredentials,
  '004-wechat-messages': wechatMessages,
  '005-orders': orders,
}
