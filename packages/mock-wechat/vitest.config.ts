import { defineProject } from 'vitest/config'

export default defineProject({ test: { name: 'mock-wechat', include: ['test/**/*.test.ts'] } })
