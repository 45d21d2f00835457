import type { Kysely, Transaction } from 'kysely'
import { createAccountRepository, type AccountRepository } from '../repositories/account-repository'
import { createCategoryRepository, type CategoryRepository } from '../repositories/category-repository'
import { createOAuthStateRepository, type OAuthStateRepository } from '../repositories/oauth-state-repository'
import { createProductRepository, type ProductRepository } from '../repositories/product-repository'
import { createSessionRepository, type SessionRepository } from '../repositories/session-repository'
import { createWechatCredentialRepository, type WechatCredentialRepository } from '../repositories/wechat-credential-repository'
import { createWechatIdentityRepository, type WechatIdentityRepository } from '../repositories/wechat-identity-repository'
import { createWechatMessageRepository, type WechatMessageRepository } from '../repositories/wechat-message-repository'
import type { Database } from './schema'

/** Every repository, bound to one Kysely instance: the database itself or a transaction. */
export interface Repositories {
  categories: CategoryRepository
  products: ProductRepository
  accounts: AccountRepository
  wechatIdentities: WechatIdentityRepository
  sessions: SessionRepository
  oauthStates: OAuthStateRepository
  wechatCredentials: WechatCredentialRepository
  wechatMessages: WechatMessageRepository
}

export function createRepositories(db: Kysely<Database>): Repositories {
  return {
    categories: createCategoryRepository(db),
    products: createProductRepository(db),
    accounts: createAccountRepository(db),
    wechatIdentities: createWechatIdentityRepository(db),
    sessions: createSessionRepository(db),
    oauthStates: createOAuthStateRepository(db),
    wechatCredentials: createWechatCredentialRepository(db),
    wechatMessages: createWechatMessageRepository(db),
  }
}

export type InTransaction = <T>(work: (repositories: Repositories, trx: Transaction<Database>) => Promise<T>) => Promise<T>

/**
 * Runs `work` in one transaction with repositories bound to it: all its writes commit together or
 * none do (a throw rolls back). The one way to write to several tables at once.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (repositories: Repositories, trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(trx => work(createRepositories(trx), trx))
}
