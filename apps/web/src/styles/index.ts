// Vant's shared building blocks load first, with the entry. A component's own CSS arrives later
// with its page and must override them (`.van-toast` over `.van-popup`, `.van-action-bar-button`
// over `.van-button`); split across chunks, that order is otherwise not guaranteed.
import 'vant/es/style/base.css'
import 'vant/es/badge/index.css'
import 'vant/es/icon/index.css'
import 'vant/es/loading/index.css'
import 'vant/es/cell/index.css'
import 'vant/es/button/index.css'
import 'vant/es/overlay/index.css'
import 'vant/es/popup/index.css'
import './index.css'
