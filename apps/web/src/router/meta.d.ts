import 'vue-router'

export {}

declare module 'vue-router' {
  interface RouteMeta {
    // What a route needs (WeChat scope, a bound account) is `routeAuthFor(path)` in @wxshop/shared.
    /** Page title; the guard shows it as `${title} - ${shopName}`. */
    title: string
    /** Shows TheTabbar at the bottom. */
    tabbar?: boolean
  }
}
