/**
 * Where to come back to after authorisation or login: a path on our own origin, optionally with a
 * query and a `#/hash-route`. The one rule for the API's `returnTo` schema and the SPA's redirects.
 *
 * Refused is anything a browser could resolve or normalise to another host (`//host`): a path that
 * starts with `//`, a backslash anywhere (browsers read `\` as `/`), a dot segment (`/..//evil`
 * resolves to `//evil`), `%2e` `%2f` `%5c` or a bad %-escape in the path, whitespace and control
 * characters (browsers strip tabs and newlines: `/\t/evil` becomes `//evil`). The query and hash may
 * hold `%2F` and the like: they are never resolved as a path.
 */

export const RETURN_PATH_MAX_LENGTH = 1024

// Written without \p{…} classes or u-only escapes: ajv compiles it with the u flag, a plain
// RegExp (and TypeBox's own checker) without, and both must read it the same way.
const NOT_ALLOWED = String.raw`\\\s\x00-\x1f\x7f-\x9f`
/** A path character: not a separator, not `%` (unless a harmless escape), not refused above. */
const PATH_CHAR = String.raw`(?:[^/?#%${NOT_ALLOWED}]|%(?!2[eEfF]|5[cC])[0-9A-Fa-f]{2})`
/** A path segment that is not `.` or `..`. */
const SEGMENT = String.raw`(?!\.\.?(?:[/?#]|$))${PATH_CHAR}*`
/** `/` (but not `//`), segments, then an optional query and hash. */
export const RETURN_PATH_PATTERN = String.raw`^/(?!/)${SEGMENT}(?:/${SEGMENT})*(?:[?#][^${NOT_ALLOWED}]*)?$`

const returnPath = new RegExp(RETURN_PATH_PATTERN)

/** True when `value` is a path we may send a user to: see the module comment for what is refused. */
export function isSafeReturnPath(value: string): boolean {
  // Length in code points, as the JSON schema's maxLength counts it.
  return [...value].length <= RETURN_PATH_MAX_LENGTH && returnPath.test(value)
}
