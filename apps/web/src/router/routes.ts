import type { RouteRecordRaw } from 'vue-router'

/**
 * The one route table (ARCHITECTURE.md "SPA routes"). Every page is its own lazy chunk.
 * `meta.auth` / `meta.account` agree with `routeAuthFor` in @wxshop/shared, the table the API's
 * page fast path reads (test/route-meta.test.ts holds them together).
 */
export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('~/pages/home/HomePage.vue'),
    meta: { title: '首页', auth: 'base', account: false, tabbar: true },
  },
  {
    path: '/product/:id(\\d+)',
    name: 'product',
    component: () => import('~/pages/product/ProductPage.vue'),
    props: route => ({ id: Number(route.params.id) }),
    meta: { title: '商品详情', auth: 'base', account: false },
  },
  {
    path: '/cart',
    name: 'cart',
    component: () => import('~/pages/cart/CartPage.vue'),
    meta: { title: '购物车', auth: 'base', account: false, tabbar: true },
  },
  {
    path: '/profile',
    name: 'profile',
    component: () => import('~/pages/profile/ProfilePage.vue'),
    meta: { title: '我的', auth: 'userinfo', account: true, tabbar: true },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('~/pages/login/LoginPage.vue'),
    meta: { title: '绑定账号', auth: 'base', account: false },
  },
  // Pages about authorisation itself need none, or a failure could never be shown.
  {
    path: '/auth/denied',
    name: 'auth-denied',
    component: () => import('~/pages/auth/AuthDeniedPage.vue'),
    meta: { title: '未授权', auth: null, account: false },
  },
  {
    path: '/auth/error',
    name: 'auth-error',
    component: () => import('~/pages/auth/AuthErrorPage.vue'),
    meta: { title: '登录失败', auth: null, account: false },
  },
  {
    path: '/open-in-wechat',
    name: 'open-in-wechat',
    component: () => import('~/pages/open-in-wechat/OpenInWechatPage.vue'),
    meta: { title: '请在微信中打开', auth: null, account: false },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('~/pages/not-found/NotFoundPage.vue'),
    meta: { title: '页面不存在', auth: 'base', account: false },
  },
]
