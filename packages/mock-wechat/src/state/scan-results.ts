/**
 * What the next scans return (`POST /__control/scan-result`), first queued first served. With none
 * queued, the in-page client shows its scanner overlay and a person types or picks a code.
 */
export function createScanResults() {
  const queue: string[] = []
  return {
    push(text: string): number {
      queue.push(text)
      return queue.length
    },
    /** The next queued result, now spent; undefined when none is queued. */
    take: (): string | undefined => queue.shift(),
    clear: () => {
      queue.length = 0
    },
  }
}

export type ScanResults = ReturnType<typeof createScanResults>
