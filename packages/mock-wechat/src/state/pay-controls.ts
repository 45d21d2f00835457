/** What tests set for the mock's WeChat Pay through the control API (`/__control/pay/*`). */
export function createPayControls() {
  let failNext = 0
  let closeWait = false
  return {
    /** `POST /__control/pay/next-result { result: 'fail' }`: the next pay sheet fails after the checks. */
    queueFail(): number {
      return ++failNext
    },
    takeFail(): boolean {
      if (failNext === 0)
        return false
      failNext--
      return true
    },
    /** closeorder's "最短调用时间间隔为5分钟", off unless a test turns it on (WECHAT-PAY.md §A3 [choice]). */
    get closeWait() {
      return closeWait
    },
    setCloseWait(on: boolean) {
      closeWait = on
    },
    clear() {
      failNext = 0
      closeWait = false
    },
  }
}

export type PayControls = ReturnType<typeof createPayControls>
