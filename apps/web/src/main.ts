// Styles first: Vant's shared CSS and the theme must precede every component's own CSS.
import './styles'
// Before the router exists: it keeps ?code&state, which the login guard strips (iOS signs this URL).
import './wechat/landing-url'
import { isWechat } from '@wxshop/shared'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { loadWechat } from './wechat/lazy'

createApp(App).use(createPinia()).use(router).mount('#app')

// The JS-SDK and the share code load after the first paint, in chunks of their own, and only in WeChat.
if (isWechat(navigator.userAgent)) {
  void router.isReady()
    .then(() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve))))
    .then(loadWechat)
    .then(module => module.installWechat(router))
    .catch((error: unknown) => console.warn('[wechat] not started', error))
}
