import type { RouteRecordRaw } from 'vue-router'

/** The one route table (ARCHITECTURE.md "SPA routes"). Every page is its own lazy chunk. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('~/pages/home/HomePage.vue'),
    meta: { title: '首页', auth: 'base', tabbar: true },
  },
  {
    path: '/product/:id(\\d+)',
    name: 'product',
    component: () => import('~/pages/product/ProductPage.vue'),
    props: route => ({ id: Number(route.params.id) }),
    meta: { title: '商品详情', auth: 'base' },
  },
  {
    path: '/cart',
    name: 'cart',
    component: () => import('~/pages/cart/CartPage.vue'),
    meta: { title: '购物车', auth: 'base', tabbar: true },
  },
  {
    path: '/profile',
    name: 'profile',
    component: () => import('~/pages/profile/ProfilePage.vue'),
    meta: { title: '我的', tabbar: true },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('~/pages/not-found/NotFoundPage.vue'),
    meta: { title: '页面不存在' },
  },
]
