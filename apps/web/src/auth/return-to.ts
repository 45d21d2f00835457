import { hashMode } from '~/router/mode'

/**
 * The address WeChat should bring the user back to for a router location: the full path in
 * history mode, `/#` + the full path in hash mode (WeChat then puts its `?code&state` before the `#`).
 */
export function returnToFor(fullPath: string, hash: boolean = hashMode): string {
  return hash ? `/#${fullPath}` : fullPath
}

/** A path on our own origin, or `fallback`: never `//host` or an absolute URL (an open redirect). */
export function safePath(value: unknown, fallback: string): string {
  const path = Array.isArray(value) ? value[0] : value
  return typeof path === 'string' && /^\/(?![/\\])\S*$/.test(path) ? path : fallback
}
