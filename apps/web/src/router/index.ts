import { createRouter, createWebHashHistory, createWebHistory } from 'vue-router'
import { installGuards } from './guards'
import { routes } from './routes'

// HTML5 history by default; VITE_ROUTER_MODE=hash at build time for hosts that cannot rewrite URLs.
const history = import.meta.env.VITE_ROUTER_MODE === 'hash'
  ? createWebHashHistory(import.meta.env.BASE_URL)
  : createWebHistory(import.meta.env.BASE_URL)

export const router = createRouter({
  history,
  routes,
  scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
})

installGuards(router)
