/**
 * What WeChat's menu errcodes mean, for the person who runs `pnpm wechat:menu`. Codes not listed
 * here are printed with WeChat's own errmsg only.
 */
export const MENU_ERRCODE_MEANINGS: Readonly<Record<number, string>> = {
  40016: 'the menu needs 1 to 3 top-level buttons',
  40017: 'a top-level button has an unknown type, or a type next to its sub-buttons',
  40018: 'a top-level button name is empty or longer than 16 bytes (5 Chinese characters)',
  40019: 'a top-level button key is missing or longer than 128 bytes',
  40020: 'a top-level button url is missing or longer than 1024 bytes',
  40022: 'sub-buttons cannot have sub-buttons of their own',
  40023: 'a top-level button has more than 5 sub-buttons',
  40024: 'a sub-button has an unknown type',
  40025: 'a sub-button name is empty or longer than 60 bytes (20 Chinese characters)',
  40026: 'a sub-button key is missing or longer than 128 bytes',
  40027: 'a sub-button url is missing or longer than 1024 bytes',
  40033: 'the JSON escapes characters as \\uXXXX: send UTF-8',
  40054: 'a sub-button url is not an http(s) link WeChat accepts',
  40055: 'a top-level button url is not an http(s) link WeChat accepts',
  40007: 'a media_id button names no valid permanent material',
  40165: 'a mini program button\'s pagepath is invalid',
  40166: 'a mini program button\'s appid is invalid or not linked to the account',
  46003: 'the account has no menu',
  48001: 'this account may not use the menu API (unverified subscription accounts cannot)',
}
