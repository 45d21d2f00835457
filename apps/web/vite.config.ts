import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig, type Plugin } from 'vite'

// The dev server forwards /api to the Fastify companion (the seed's 前端反向代理); in production
// the API serves the built SPA itself, so the browser only ever talks to one origin.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [
    // Vant is written with the Composition API only, so Options API support can go.
    vue({ features: { optionsAPI: false } }),
    // Only Vant is auto-imported (STYLE.md §7.12); our own components are imported explicitly.
    Components({
      dirs: [],
      resolvers: [VantResolver()],
      dts: 'src/components.d.ts',
    }),
    vantIconFontFile(),
    sharedIsPure(),
    routerModeMeta(),
  ],
  resolve: {
    alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // Pre-bundle Vant up front so the first dev visit is not cut short by optimizer reloads.
  optimizeDeps: { include: ['vant/es', 'vant/es/toast', 'vant/es/toast/style', 'vant/es/dialog/style', ...vantStyleEntries()] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
  build: {
    // WeChat's in-app browser is WKWebView on iOS and XWeb (Chromium) on Android.
    target: ['es2020', 'safari14', 'chrome87'],
    cssTarget: ['safari14', 'chrome87'],
    // .vite/manifest.json lets bench/size measure exactly what a route loads.
    manifest: true,
    rolldownOptions: {
      output: {
        // Pages are split by their lazy imports in router/routes.ts; the framework gets a
        // long-lived chunk of its own so a page change does not bust its cache.
        codeSplitting: {
          groups: [
            { name: 'framework', test: /node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:@vue|vue|vue-router|pinia)[\\/]/ },
          ],
        },
      },
    },
  },
})

/** The style entries the Vant resolver imports, one per component listed in components.d.ts. */
function vantStyleEntries(): string[] {
  let dts = ''
  try {
    dts = readFileSync(fileURLToPath(new URL('./src/components.d.ts', import.meta.url)), 'utf8')
  } catch {
    return []
  }
  return [...dts.matchAll(/^\s+Van(\w+):/gm)]
    .map(match => (match[1] ?? '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase())
    .map(name => `vant/es/${name}/style/index`)
}

/**
 * Vant inlines its 25 KB icon font into the icon CSS as base64, so every page that shows one
 * Vant component pays for it up front (and again whenever that CSS changes). Moved into a
 * hashed .woff2 file, the browser fetches it only for a page that draws an icon, and caches it.
 */
function vantIconFontFile(): Plugin {
  const cacheDir = fileURLToPath(new URL('./node_modules/.cache/vant-icon', import.meta.url))
  return {
    name: 'wxshop:vant-icon-font-file',
    enforce: 'pre',
    load: {
      filter: { id: /vant[\\/]es[\\/]icon[\\/]index\.css$/ },
      handler(id) {
        const css = readFileSync(id, 'utf8')
        const match = /src:url\(data:font\/woff2;charset=utf-8;base64,([\w+/=]+)\) format\("woff2"\)[^;}]*/.exec(css)
        if (!match?.[1])
          return null
        const font = Buffer.from(match[1], 'base64')
        const file = `${cacheDir}/vant-icon-${createHash('sha256').update(font).digest('hex').slice(0, 8)}.woff2`
        mkdirSync(cacheDir, { recursive: true })
        writeFileSync(file, font)
        // woff2 only: every WebView WeChat ships reads it, so the third-party CDN fallback goes too.
        return css.replace(match[0], `src:url("${relative(dirname(id), file)}") format("woff2")`)
      },
    },
  }
}

/**
 * A hash-routed build says so in index.html (`<meta name="wxshop-router" content="hash">`). The API
 * reads it and skips its page fast path: the route lives in the `#`, which never reaches a server,
 * so a redirect made there would bring every deep link back to the home page.
 */
function routerModeMeta(): Plugin {
  let hash = false
  return {
    name: 'wxshop:router-mode-meta',
    configResolved(config) {
      hash = config.env.VITE_ROUTER_MODE === 'hash'
    },
    transformIndexHtml: () => (hash ? [{ tag: 'meta', attrs: { name: 'wxshop-router', content: 'hash' }, injectTo: 'head' }] : []),
  }
}

/**
 * @wxshop/shared is side-effect free, but its schema modules call TypeBox at the top level, so
 * without this hint importing `formatFen` would also ship TypeBox and every schema.
 */
function sharedIsPure(): Plugin {
  return {
    name: 'wxshop:shared-is-pure',
    transform: {
      filter: { id: /packages[\\/]shared[\\/]src[\\/]/ },
      handler: code => ({ code, map: null, moduleSideEffects: false }),
    },
  }
}
