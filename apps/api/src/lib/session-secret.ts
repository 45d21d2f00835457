import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StartupError } from '../errors'

export const SESSION_SECRET_FILE = 'session-secret'

/**
 * Reads `<dir>/session-secret`, writing a random one first if there is none, so a developer in
 * mock mode never has to set SESSION_SECRET and sessions still survive restarts.
 */
export function loadOrCreateSessionSecret(dir: string): string {
  const file = join(dir, SESSION_SECRET_FILE)
  try {
    mkdirSync(dir, { recursive: true })
    // 'wx' fails when the file exists, so two processes starting together keep the first secret
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 })
  } catch (err) {
    if (errnoCode(err) !== 'EEXIST')
      throw new StartupError(`SESSION_SECRET is unset and cannot be stored in ${file} (${errnoCode(err)}): set SESSION_SECRET or point DATABASE_URL at a writable place`, { cause: err })
  }
  const secret = readFileSync(file, 'utf8').trim()
  if (secret.length < 32)
    throw new StartupError(`SESSION_SECRET from ${file} is shorter than 32 characters: delete the file to get a new one, or set SESSION_SECRET`)
  return secret
}

function errnoCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err)
}
