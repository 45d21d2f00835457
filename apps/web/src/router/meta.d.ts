import 'vue-router'

export {}

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title; the guard shows it as `${title} - ${shopName}`. */
    title: string
    /**
     * WeChat identity the route needs: the silent `snsapi_base` openid, the profile
     * (`snsapi_userinfo`), or none (pages about authorisation itself). Agrees with `routeAuthFor`.
     */
    auth: 'base' | 'userinfo' | null
    /** Needs a bound shop account: an unbound user goes to /login first. */
    account: boolean
    /** Shows TheTabbar at the bottom. */
    tabbar?: boolean
  }
}
