import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { isUniqueViolation } from './unique-violation'

export interface AccountRecord {
  id: number
  phone: string
  /** argon2id PHC string; never leaves the server */
  passwordHash: string
}

export interface NewAccount {
  phone: string
  passwordHash: string
  now: Date
}

export function createAccountRepository(db: Kysely<Database>) {
  return {
    /**
     * The new account's id, or null when the phone is taken. The unique index decides, so two
     * registrations of one phone racing each other cannot both succeed.
     */
    async create({ phone, passwordHash, now }: NewAccount): Promise<number | null> {
      try {
        const row = await db
          .insertInto('accounts')
          .values({ phone, password_hash: passwordHash, created_at: now.toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      } catch (err) {
        if (isUniqueViolation(err))
          return null
        throw err
      }
    },

    async findByPhone(phone: string): Promise<AccountRecord | undefined> {
      const row = await db
        .selectFrom('accounts')
        .select(['id', 'phone', 'password_hash'])
        .where('phone', '=', phone)
        .executeTakeFirst()
      return row && { id: row.id, phone: row.phone, passwordHash: row.password_hash }
    },
  }
}

export type AccountRepository = ReturnType<typeof createAccountRepository>
