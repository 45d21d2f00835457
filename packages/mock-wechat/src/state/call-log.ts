export const DeviceProfile = { Ios: 'ios-wechat', Android: 'android-wechat', None: 'not-wechat' } as const
export type DeviceProfile = typeof DeviceProfile[keyof typeof DeviceProfile]

/** One request the mock received. Secrets stay in `query`: this is a test tool. */
export interface CallRecord {
  time: string
  method: string
  path: string
  query: Record<string, string>
  profile: DeviceProfile
  /** Filled in when the answer has gone out. */
  statusCode?: number
}

// Enough for any test run; a long-lived dev mock forgets the oldest calls first.
const MAX_CALLS = 5000

export function createCallLog() {
  const calls: CallRecord[] = []
  return {
    record(call: CallRecord): CallRecord {
      calls.push(call)
      if (calls.length > MAX_CALLS)
        calls.splice(0, calls.length - MAX_CALLS)
      return call
    },
    list(path?: string): CallRecord[] {
      return path === undefined ? [...calls] : calls.filter(call => call.path === path)
    },
    clear: () => {
      calls.length = 0
    },
  }
}

export type CallLog = ReturnType<typeof createCallLog>
