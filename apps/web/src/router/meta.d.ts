import 'vue-router'

export {}

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title; the guard shows it as `${title} - ${shopName}`. */
    title: string
    /** WeChat identity the route needs (the login guard arrives with the OAuth issue). */
    auth?: 'base' | 'userinfo'
    /** Needs a bound shop account. */
    account?: boolean
    /** Shows TheTabbar at the bottom. */
    tabbar?: boolean
  }
}
