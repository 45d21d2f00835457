// Styles first: Vant's shared CSS and the theme must precede every component's own CSS.
import './styles'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'

createApp(App).use(createPinia()).use(router).mount('#app')
