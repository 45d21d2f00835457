/** How long a navigation waits for the page to unload before it is given up (see navigateAway). */
export const LEAVE_TIMEOUT_MS = 20_000

/**
 * Leaves the SPA for `url` with `location.replace`, so the page being left (and WeChat's authorize
 * URL) never becomes a history entry: on iOS WeChat, back would otherwise land on a used callback.
 *
 * The returned promise settles only if the page is somehow still here after LEAVE_TIMEOUT_MS. The
 * guard awaits it before it cancels the navigation: cancelled at once, a back/forward navigation
 * makes vue-router step history back (`history.go`), and that traversal cancels the replace()
 * still in flight. Its own module so tests can replace it.
 */
export function navigateAway(url: string): Promise<void> {
  window.location.replace(url)
  return new Promise(resolve => setTimeout(resolve, LEAVE_TIMEOUT_MS))
}
