import { fileURLToPath, URL } from 'node:url'
import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineProject } from 'vitest/config'

export default defineProject({
  plugins: [
    vue(),
    // Vant tags resolve in tests as they do in the build (components.d.ts is the build's to write).
    Components({ dirs: [], resolvers: [VantResolver()], dts: false }),
  ],
  resolve: {
    alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    // Vant's ES build imports its CSS; let Vite transform it instead of Node. The JS-SDK is inlined
    // so that vi.resetModules() evaluates it afresh (it reads navigator.userAgent when evaluated).
    server: { deps: { inline: ['vant', 'weixin-js-sdk'] } },
  },
})
