import { withoutOAuthParams } from '@wxshop/shared'

/**
 * The redirect_uri for WeChat: our public origin + `returnTo`, minus any `code`/`state` query
 * parameters (withoutOAuthParams: other parameters are kept byte for byte, and so is a
 * `#/hash-route`: WeChat puts its parameters before the `#`, so the page comes back as
 * `/?code=X&state=Y#/route`). The origin is always ours: `returnTo` is appended as text, never
 * resolved as a URL, so even `//elsewhere` stays a path on our host.
 */
export function callbackUrl(publicUrl: string, returnTo: string): string {
  return `${new URL(publicUrl).origin}${withoutOAuthParams(returnTo)}`
}
