import { hash, verify } from '@node-rs/argon2'
import { randomToken } from '../lib/random-token'

/**
 * argon2id with the library's memory-hard defaults (19 MiB, 2 passes, 1 lane: OWASP's first
 * recommendation). @node-rs/argon2 hashes on libuv's thread pool, so the event loop keeps serving
 * other requests meanwhile.
 */
export function createPasswordHasher() {
  let dummyHash: Promise<string> | undefined

  return {
    hash: (password: string): Promise<string> => hash(password),

    /** false for a wrong password and for a malformed stored hash alike. */
    verify: (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password).catch(() => false),

    /**
     * Spends the time of a real verify and answers false: used for unknown phones, so the answer
     * time does not tell which phones have accounts.
     */
    async verifyNobody(password: string): Promise<false> {
      dummyHash ??= hash(randomToken())
      await verify(await dummyHash, password).catch(() => false)
      return false
    },
  }
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>
