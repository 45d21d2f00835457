/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `hash` selects createWebHashHistory; anything else (default) is HTML5 history mode. */
  readonly VITE_ROUTER_MODE?: 'history' | 'hash'
  /** Customer-service phone shown on 我的 when set at build time (public, non-secret). */
  readonly VITE_SERVICE_PHONE?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
