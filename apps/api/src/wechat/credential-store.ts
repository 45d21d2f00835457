import type { WechatCredentialKind } from '../db/schema'
import type { StoredCredential } from '../repositories/wechat-credential-repository'

export type { StoredCredential, WechatCredentialKind }

/** What "read, else fetch and store" needs while it holds the fetch lock. */
export interface LockedCredentialStore {
  get: (kind: WechatCredentialKind) => Promise<StoredCredential | null>
  put: (kind: WechatCredentialKind, credential: StoredCredential) => Promise<void>
}

/**
 * Where the server credentials live and how instances agree on who fetches. The database version
 * (db-credential-store.ts) serves one or several processes on one database; the scale-out work can
 * put the same four operations in Redis (GET, SET, a compare-and-delete script, SET NX PX as lock).
 */
export interface CredentialStore extends LockedCredentialStore {
  /** Expires the stored credential only if it is still `value`; true when it was. */
  compareAndExpire: (kind: WechatCredentialKind, value: string) => Promise<boolean>
  /**
   * Runs `fn` while no other instance runs it for this kind. `fn` must read and write through the
   * store it is given (on SQLite that is the locked transaction's connection).
   */
  withFetchLock: <T>(kind: WechatCredentialKind, fn: (store: LockedCredentialStore) => Promise<T>) => Promise<T>
}
