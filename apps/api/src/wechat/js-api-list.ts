/**
 * The JS-SDK interfaces the SPA asks wx.config for: the one list both GET /api/config and
 * GET /api/jssdk/config answer. `checkJsApi` is there because the SPA follows every wx.config with a
 * wx.checkJsApi call: the client answers it only after it has checked the config, so it tells the
 * SPA when that config's outcome is known (wx.ready cannot tell a re-config's outcome).
 */
export const JS_API_LIST: readonly string[] = ['checkJsApi', 'updateAppMessageShareData', 'updateTimelineShareData', 'scanQRCode', 'openAddress', 'chooseWXPay']
