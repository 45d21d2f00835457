import { Type, type Static } from 'typebox'

/** How an appid looks, in words, for configuration errors ("WECHAT_APPID must be …"). */
export const APP_ID_DESCRIPTION = '"wx" followed by 16 lowercase hex digits'

/**
 * An Official Account appid as WeChat issues it: `wx` and 16 lowercase hex digits. The API's and
 * the mock's configurations both validate WECHAT_APPID with this, so neither accepts what the other refuses.
 */
export const AppIdSchema = Type.String({ pattern: '^wx[0-9a-f]{16}$', description: APP_ID_DESCRIPTION })
export type AppId = Static<typeof AppIdSchema>

/** How an AppSecret looks, in words, for configuration errors. */
export const APP_SECRET_DESCRIPTION = '32 lowercase hex digits'

/**
 * An Official Account AppSecret as WeChat issues it: 32 lowercase hex digits. Both configurations
 * validate WECHAT_APPSECRET with this, so a secret the mock refuses never starts the API either.
 */
export const AppSecretSchema = Type.String({ pattern: '^[0-9a-f]{32}$', description: APP_SECRET_DESCRIPTION })
