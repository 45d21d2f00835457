import type { RouteRecordRaw } from 'vue-router'

/**
 * The one route table (ARCHITECTURE.md "SPA routes"). Every page is its own lazy chunk. What a page
 * needs (WeChat scope, bound account) is not here: the guard reads `routeAuthFor(path)` from
 * @wxshop/shared, the same table the API's page fast path reads.
 */
export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('~/pages/home/HomePage.vue'),
    meta: { title: '首页', tabbar: true },
  },
  {
    path: '/product/:id(\\d+)',
    name: 'product',
    component: () => import('~/pages/product/ProductPage.vue'),
    props: route => ({ id: Number(route.params.id) }),
    meta: { title: '商品详情' },
  },
  {
    path: '/cart',
    name: 'cart',
    component: () => import('~/pages/cart/CartPage.vue'),
    meta: { title: '购物车', tabbar: true },
  },
  {
    path: '/profile',
    name: 'profile',
    component: () => import('~/pages/profile/ProfilePage.vue'),
    meta: { title: '我的', tabbar: true },
  },
  {
    path: '/checkout',
    name: 'checkout',
    component: () => import('~/pages/checkout/CheckoutPage.vue'),
    meta: { title: '确认订单' },
  },
  {
    path: '/orders',
    name: 'orders',
    component: () => import('~/pages/orders/OrdersPage.vue'),
    meta: { title: '我的订单' },
  },
  {
    path: '/orders/:id(\\d+)',
    name: 'order',
    component: () => import('~/pages/orders/OrderDetailPage.vue'),
    props: route => ({ id: Number(route.params.id) }),
    meta: { title: '订单详情' },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('~/pages/login/LoginPage.vue'),
    meta: { title: '绑定账号' },
  },
  // Pages about authorisation itself need no identity (route-auth.ts), or a failure could never be shown.
  {
    path: '/auth/denied',
    name: 'auth-denied',
    component: () => import('~/pages/auth/AuthDeniedPage.vue'),
    meta: { title: '未授权' },
  },
  {
    path: '/auth/error',
    name: 'auth-error',
    component: () => import('~/pages/auth/AuthErrorPage.vue'),
    meta: { title: '登录失败' },
  },
  {
    path: '/open-in-wechat',
    name: 'open-in-wechat',
    component: () => import('~/pages/open-in-wechat/OpenInWechatPage.vue'),
    meta: { title: '请在微信中打开' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('~/pages/not-found/NotFoundPage.vue'),
    meta: { title: '页面不存在' },
  },
]
