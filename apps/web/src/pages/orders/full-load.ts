/**
 * Loads `url` as a new document (a history entry, so back returns to where the shopper was). Its
 * own module so tests can replace it.
 */
export function fullLoad(url: string): void {
  window.location.assign(url)
}
