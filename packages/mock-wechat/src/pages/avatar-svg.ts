import { createHash } from 'node:crypto'
import { escapeHtml } from './html'

function hueOf(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt16BE(0) % 360
}

/** A square avatar, like WeChat's: a light silhouette on a colour picked from the seed. */
export function personaAvatarSvg(seed: string): string {
  const hue = hueOf(seed)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="132" height="132" viewBox="0 0 132 132">`
    + `<rect width="132" height="132" fill="hsl(${hue},55%,62%)"/>`
    + `<circle cx="66" cy="52" r="24" fill="hsl(${hue},70%,92%)"/>`
    + `<path d="M22 132c0-26 20-44 44-44s44 18 44 44z" fill="hsl(${hue},70%,92%)"/>`
    + `</svg>`
}

/** The Official Account's round logo on the consent page: its first character on WeChat green. */
export function accountAvatarSvg(accountName: string, size: number): string {
  const initial = escapeHtml(Array.from(accountName)[0] ?? '公')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64" aria-hidden="true">`
    + `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2bd47d"/><stop offset="1" stop-color="#07a658"/></linearGradient></defs>`
    + `<circle cx="32" cy="32" r="32" fill="url(#g)"/>`
    + `<text x="32" y="41.5" text-anchor="middle" font-size="27" font-weight="600" fill="#fff" font-family="PingFang SC,Noto Sans CJK SC,WenQuanYi Micro Hei,sans-serif">${initial}</text>`
    + `</svg>`
}
