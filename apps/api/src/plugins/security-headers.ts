import fp from 'fastify-plugin'
import type { AppConfig } from '../config'

/** WeChat's JS-SDK as a script (jweixin from res.wx.qq.com, or res2 as its fallback). */
const WECHAT_SCRIPT_HOSTS = ['https://res.wx.qq.com', 'https://res2.wx.qq.com']
/**
 * WeChat avatars (headimgurl), which WeChat still hands out as http:// at times, and the JS-SDK's
 * fire-and-forget report image on open.weixin.qq.com.
 */
const WECHAT_IMAGE_HOSTS = ['https://thirdwx.qlogo.cn', 'http://thirdwx.qlogo.cn', 'https://wx.qlogo.cn', 'http://wx.qlogo.cn', 'https://open.weixin.qq.com']

/**
 * The Content-Security-Policy every response carries. What the shop needs and nothing more:
 * - scripts: our own bundle (Vite emits no inline script), the JS-SDK hosts, and in mock mode the
 *   mock's origin, which serves the bridge script that plays WeChat's client;
 * - styles: our CSS and inline `style` attributes, which Vue bindings and Vant components set;
 * - images: ours, `data:` (Vant's placeholders), WeChat's avatar hosts, the mock's avatars, the
 *   Official Account's QR code wherever WECHAT_FOLLOW_QR_URL puts it;
 * - no plugins, no <base> elsewhere, forms post only to us, and no other site may frame the shop
 *   (a framed shop could be overlaid to trick a tap: clickjacking).
 */
export function contentSecurityPolicy(config: AppConfig): string {
  const mock = config.wechat.mode === 'mock'
    ? [...new Set([config.wechat.openBase, config.wechat.apiBase].map(url => new URL(url).origin))]
    : []
  // the follow prompt's QR code may live on a CDN (WECHAT_FOLLOW_QR_URL)
  const followQr = config.wechat.followQrUrl ? [new URL(config.wechat.followQrUrl).origin] : []
  const [self, none] = [quoted('self'), quoted('none')]
  const directives: Record<string, string[]> = {
    'default-src': [self],
    'script-src': [self, ...WECHAT_SCRIPT_HOSTS, ...mock],
    'style-src': [self, quoted('unsafe-inline')],
    'img-src': [...new Set([self, 'data:', ...WECHAT_IMAGE_HOSTS, ...mock, ...followQr])],
    'font-src': [self, 'data:'],
    'connect-src': [self, ...mock],
    'object-src': [none],
    'base-uri': [self],
    'form-action': [self],
    'frame-ancestors': [none],
  }
  return Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

/** CSP keywords are written in single quotes. */
function quoted(keyword: string): string {
  return `'${keyword}'`
}

/** Headers set on every response, pages, files, API answers and errors alike. */
export function securityHeaders(config: AppConfig): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(config),
    // for browsers (older in-app webviews) that predate frame-ancestors
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // other sites see our origin at most, never a path or query (WeChat's OAuth needs no referrer)
    'referrer-policy': 'strict-origin-when-cross-origin',
    // Only over https, where it means something; without includeSubDomains, since other hosts of
    // the domain are not ours to promise https for.
    ...(config.publicUrl.startsWith('https://') ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  }
}

export default fp(async function securityHeadersPlugin(fastify) {
  // built once: they depend on the config only
  const headers = securityHeaders(fastify.config)
  // onSend, so they are set last on every answer, errors and the 404 handler's included; a
  // callback hook, since it does no I/O (an async hook costs a promise per request)
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(headers)
    done(null, payload)
  })
}, { name: 'security-headers' })
