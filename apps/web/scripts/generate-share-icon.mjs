// Draws public/share-icon.png: the shop's picture in WeChat share cards (a square raster image, as
// WeChat draws no SVG thumbnail). The favicon's bag on its green, rendered 300×300 by headless
// Chromium: `node apps/web/scripts/generate-share-icon.mjs` (CHROMIUM=/path/to/chromium if not on PATH).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '../public/share-icon.png')
// Square corners: WeChat rounds the thumbnail itself.
const svg = readFileSync(join(here, '../public/favicon.svg'), 'utf8').replace('rx="14"', 'rx="0"')
const dir = mkdtempSync(join(tmpdir(), 'share-icon-'))
try {
  const page = join(dir, 'icon.html')
  writeFileSync(page, `<!doctype html><style>html,body{margin:0}svg{display:block;width:300px;height:300px}</style>${svg}`)
  execFileSync(process.env.CHROMIUM ?? 'chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1',
    '--window-size=300,300', `--screenshot=${out}`, `file://${page}`,
  ], { stdio: 'ignore' })
} finally {
  rmSync(dir, { recursive: true, force: true })
}
console.log(`wrote ${out}`)
