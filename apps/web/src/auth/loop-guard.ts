/**
 * Never loop through WeChat. Every automatic authorisation asks here first: at most
 * MAX_AUTOMATIC per route per WINDOW_MS, after which the guard shows /auth/error instead. A
 * refused code or state gets one fresh try per route per window. Kept in sessionStorage, so the
 * count survives the page loads an authorisation costs, and ends with the tab.
 */
export const WINDOW_MS = 2 * 60 * 1000
export const MAX_AUTOMATIC = 2

const STORAGE_KEY = 'wxshop:auth-tries:v1'

type Kind = 'auto' | 'retry'
/** `${kind} ${route path}` → timestamps (ms) of the attempts still inside the window. */
type Tries = Record<string, number[]>

/** Records an automatic authorisation for `routeKey`; false when the route already had its share. */
export function takeAutomaticAuthorization(routeKey: string, now = Date.now()): boolean {
  return take('auto', routeKey, MAX_AUTOMATIC, now)
}

/** Records the one fresh authorisation after a refused code or state; false when it was already spent. */
export function takeFreshRetry(routeKey: string, now = Date.now()): boolean {
  return take('retry', routeKey, 1, now)
}

/** Forgets every attempt: the user asked for a new try themselves (a button, logging out). */
export function resetLoopGuard(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // storage disabled: nothing was kept either
  }
}

function take(kind: Kind, routeKey: string, max: number, now: number): boolean {
  const tries = load(now)
  const key = `${kind} ${routeKey}`
  const recent = tries[key] ?? []
  if (recent.length >= max)
    return false
  tries[key] = [...recent, now]
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tries))
  } catch {
    // Without storage the count cannot survive a page load: refuse, a loop is worse than an error page.
    return false
  }
  return true
}

/** The stored attempts, minus the ones older than the window (and anything malformed). */
function load(now: number): Tries {
  let data: unknown
  try {
    data = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}')
  } catch {
    return {}
  }
  const tries: Tries = {}
  if (typeof data !== 'object' || data === null)
    return tries
  for (const [key, value] of Object.entries(data)) {
    const recent = Array.isArray(value)
      ? value.filter((at): at is number => typeof at === 'number' && at <= now && now - at < WINDOW_MS)
      : []
    if (recent.length > 0)
      tries[key] = recent
  }
  return tries
}
