import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'api',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // One mock WeChat serves every file, and its state (next-login, faults, reset) is global to it:
    // files run one at a time so a fault queued by one file is never spent by another.
    fileParallelism: false,
  },
})
