/**
 * The wechat module (and through it the JS-SDK) as a chunk of its own. Everything outside this
 * folder reaches it through here, so it never joins the home route's first load.
 */
export function loadWechat() {
  return import('./index')
}
