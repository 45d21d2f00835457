import { isSafeReturnPath } from '@wxshop/shared'
import { hashMode } from '~/router/mode'

/**
 * The address WeChat should bring the user back to for a router location: the full path in
 * history mode, `/#` + the full path in hash mode (WeChat then puts its `?code&state` before the `#`).
 */
export function returnToFor(fullPath: string, hash: boolean = hashMode): string {
  return hash ? `/#${fullPath}` : fullPath
}

/**
 * A query value (`?redirect=`, `?returnTo=`) as a path to go to, or `fallback` unless it is a safe
 * path on our own origin (`isSafeReturnPath`, the rule the API's `returnTo` schema uses too).
 */
export function safePath(value: unknown, fallback: string): string {
  const path = Array.isArray(value) ? value[0] : value
  return typeof path === 'string' && isSafeReturnPath(path) ? path : fallback
}
