/** `@error` handler for product images: a missing file shows the grey placeholder, not a broken icon. */
export function hideBrokenImage(event: Event): void {
  if (event.target instanceof HTMLImageElement)
    event.target.style.visibility = 'hidden'
}
