/**
 * The JS-SDK interfaces the SPA asks wx.config for: the one list both GET /api/config and
 * GET /api/jssdk/config answer.
 */
export const JS_API_LIST: readonly string[] = ['updateAppMessageShareData', 'updateTimelineShareData', 'scanQRCode', 'openAddress', 'chooseWXPay']
