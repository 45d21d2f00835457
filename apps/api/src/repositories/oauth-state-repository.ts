import type { OAuthScope } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface NewOAuthState {
  stateHash: string
  browserHash: string
  scope: OAuthScope
  returnTo: string
  now: Date
  expiresAt: Date
}

export interface ConsumedOAuthState {
  scope: OAuthScope
  returnTo: string
}

export function createOAuthStateRepository(db: Kysely<Database>) {
  return {
    async create(state: NewOAuthState): Promise<void> {
      await db
        .insertInto('oauth_states')
        .values({
          state_hash: state.stateHash,
          browser_hash: state.browserHash,
          scope: state.scope,
          return_to: state.returnTo,
          created_at: state.now.toISOString(),
          expires_at: state.expiresAt.toISOString(),
          used_at: null,
        })
        .execute()
    },

    /**
     * Marks the state used, if it exists, belongs to this browser, is unexpired and unused.
     * One conditional UPDATE whose row count is the answer: of two requests racing with the same
     * state, exactly one wins, without a transaction or a lock.
     */
    async consume(stateHash: string, browserHash: string, now: Date): Promise<ConsumedOAuthState | undefined> {
      const at = now.toISOString()
      const result = await db
        .updateTable('oauth_states')
        .set({ used_at: at })
        .where('state_hash', '=', stateHash)
        .where('browser_hash', '=', browserHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1)
        return undefined
      const row = await db
        .selectFrom('oauth_states')
        .select(['scope', 'return_to'])
        .where('state_hash', '=', stateHash)
        .executeTakeFirstOrThrow()
      return { scope: row.scope, returnTo: row.return_to }
    },

    /** Removes states past their expiry (used or not: either way they can never be consumed). */
    async deleteExpired(now: Date): Promise<number> {
      const result = await db.deleteFrom('oauth_states').where('expires_at', '<=', now.toISOString()).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}

export type OAuthStateRepository = ReturnType<typeof createOAuthStateRepository>
