/** A WeChat failure to play on the next calls to one path (`POST /__control/fail`). */
export interface Fault {
  path: string
  /** A WeChat errcode, or `timeout`: hold the answer, then answer normally. */
  errcode?: number | 'timeout'
  errmsg?: string
  /** How long to hold the answer before giving it. */
  delayMs?: number
  remaining: number
}

export function createFaults() {
  let faults: Fault[] = []
  return {
    add(fault: Fault): void {
      faults.push(fault)
    },
    /** Takes one use of the oldest fault queued for `path`, if any. */
    take(path: string): Fault | undefined {
      const fault = faults.find(f => f.path === path)
      if (!fault)
        return undefined
      fault.remaining--
      if (fault.remaining <= 0)
        faults = faults.filter(f => f !== fault)
      return fault
    },
    list: (): readonly Fault[] => faults,
    clear: () => {
      faults = []
    },
  }
}

export type Faults = ReturnType<typeof createFaults>
