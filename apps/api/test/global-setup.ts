import type { TestProject } from 'vitest/node'
import { startMockWechat } from './mock-wechat'

// One mock WeChat process for the whole api run, instead of one per test file: each start costs a
// Node process and a tsx compile. Test files reach it with `sharedMockWechat()` (mock-wechat.ts).
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMockWechat()
  project.provide('mockWechatUrl', mock.url)
  return () => mock.close()
}
