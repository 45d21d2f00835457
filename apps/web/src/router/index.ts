import { createRouter, createWebHashHistory, createWebHistory } from 'vue-router'
import { installGuards } from './guards'
import { hashMode } from './mode'
import { routes } from './routes'

const history = hashMode
  ? createWebHashHistory(import.meta.env.BASE_URL)
  : createWebHistory(import.meta.env.BASE_URL)

export const router = createRouter({
  history,
  routes,
  scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
})

installGuards(router)
