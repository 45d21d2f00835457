// Draws the seed catalog's product photos as flat SVG illustrations into public/images/products/.
// Plain Node, no dependencies: `node apps/web/scripts/generate-product-art.mjs`.
// Slugs and image counts must match apps/api/src/db/seed/catalog-data.ts; the first image is the cover.
// Every file is a square 600×600 scene: a category-tinted backdrop, the product built from simple
// shapes and gradients, and a soft floor shadow. Image 2/3 are a close-up or a lifestyle shot.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../public/images/products')
const FAVICON = join(dirname(fileURLToPath(import.meta.url)), '../public/favicon.svg')
const FONT = 'font-family="Arial,Helvetica,sans-serif" font-weight="700"'

/** Backdrop colours per category: studio gradient, close-up gradient, lifestyle wall and table. */
const PALETTE = {
  'fresh-fruit': { bg: ['#f5fbec', '#d3eec1'], deep: ['#e6f6d5', '#a9dc92'], wall: ['#f1f8e8', '#e2f0d3'], table: ['#ecd2ad', '#d5b185'] },
  'snacks-drinks': { bg: ['#fff7ec', '#ffd8b0'], deep: ['#ffe6c7', '#f7b877'], wall: ['#fdf2e4', '#f8e2c6'], table: ['#e6c49b', '#cda274'] },
  'home-living': { bg: ['#f2f7fc', '#cfdff0'], deep: ['#e2edf9', '#a3c0e2'], wall: ['#eef3f9', '#dde7f2'], table: ['#ecdcc4', '#d8bf9c'] },
  'beauty-care': { bg: ['#fff3f6', '#f7d0dc'], deep: ['#fde2ea', '#eca7bd'], wall: ['#fcf0f3', '#f5dde4'], table: ['#faf6f5', '#e8dedb'] },
  'digital-accessories': { bg: ['#f3f4fa', '#d3d8ea'], deep: ['#e3e6f4', '#a5aed3'], wall: ['#eff1f7', '#dfe3ef'], table: ['#d8dce6', '#b9bfcf'] },
}

// ---------------------------------------------------------------------------------------------
// Drawing kit

const n = v => Math.round(v * 10) / 10
const tf = (x, y, s = 1, rot = 0) => `translate(${n(x)} ${n(y)})${s !== 1 ? ` scale(${s})` : ''}${rot ? ` rotate(${rot})` : ''}`
const g = (x, y, s, rot, inner) => `<g transform="${tf(x, y, s, rot)}">${inner}</g>`

/** Collects the gradients one image uses; ids are per file, so reuse by name is safe. */
function canvas() {
  const defs = new Map()
  const stopTags = stops => stops.map((s, i) => {
    const [o, col, op] = Array.isArray(s) ? s : [i / (stops.length - 1), s]
    return `<stop offset="${n(o)}" stop-color="${col}"${op == null ? '' : ` stop-opacity="${op}"`}/>`
  }).join('')
  return {
    lin(id, stops, x1 = 0, y1 = 0, x2 = 0, y2 = 1) {
      if (!defs.has(id))
        defs.set(id, `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopTags(stops)}</linearGradient>`)
      return `url(#${id})`
    },
    rad(id, stops, cx = 0.5, cy = 0.5, r = 0.5) {
      if (!defs.has(id))
        defs.set(id, `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stopTags(stops)}</radialGradient>`)
      return `url(#${id})`
    },
    /** Registers a reusable group; draw it with use(). */
    sym(id, markup) {
      if (!defs.has(id))
        defs.set(id, `<g id="${id}">${markup}</g>`)
    },
    raw(id, markup) {
      if (!defs.has(id))
        defs.set(id, markup)
      return `url(#${id})`
    },
    defs: () => [...defs.values()].join(''),
  }
}

/** Horizontal shading for anything round: dark edge, lit left third, dark edge. */
const cyl = (c, id, dark, light) => c.lin(id, [[0, dark], [0.3, light], [0.75, light], [1, dark]], 0, 0, 1, 0)

const use = (id, x, y, s = 1, rot = 0) => `<use href="#${id}" transform="${tf(x, y, s, rot)}"/>`

const shadow = (c, x, y, rx, ry = rx * 0.16) =>
  `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(rx)}" ry="${n(ry)}" fill="${c.rad('sh', [[0, '#2b2118', 0.32], [0.6, '#2b2118', 0.12], [1, '#2b2118', 0]])}"/>`

const hl = (x, y, rx, ry, rot = 0, op = 0.45) =>
  `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(rx)}" ry="${n(ry)}" fill="#fff" opacity="${op}"${rot ? ` transform="rotate(${rot} ${n(x)} ${n(y)})"` : ''}/>`

const label = (x, y, size, text, fill = '#fff', extra = '') =>
  `<text x="${x}" y="${y}" font-size="${size}" ${FONT} fill="${fill}" text-anchor="middle" letter-spacing="1"${extra}>${text}</text>`

function leaf(c, x, y, len, rot, dark = false) {
  const fill = dark ? c.lin('lfd', ['#4f9a42', '#1f5a26'], 0, 0, 1, 1) : c.lin('lf', ['#8ad666', '#3a973d'], 0, 0, 1, 1)
  const a = n(len * 0.3), b = n(len * 0.72), h = n(len * 0.3)
  return g(x, y, 1, rot, `<path d="M0 0C${a} ${-h} ${b} ${-h} ${len} 0C${b} ${h} ${a} ${h} 0 0Z" fill="${fill}"/><path d="M6 0H${n(len * 0.86)}" stroke="#fff" stroke-opacity=".35" stroke-width="3" stroke-linecap="round"/>`)
}

function star(cx, cy, R, r, points = 5, rot = -90) {
  const pts = []
  for (let i = 0; i < points * 2; i++) {
    const a = ((rot + (i * 180) / points) * Math.PI) / 180
    const rr = i % 2 ? r : R
    pts.push(`${n(cx + rr * Math.cos(a))},${n(cy + rr * Math.sin(a))}`)
  }
  return pts.join(' ')
}

// Backdrops ------------------------------------------------------------------------------------

function studio(c, cat, body) {
  const p = PALETTE[cat]
  return `<rect width="600" height="600" fill="${c.lin('bg', p.bg, 0, 0, 0.35, 1)}"/>`
    + `<circle cx="300" cy="280" r="260" fill="${c.rad('halo', [[0, '#fff', 0.75], [1, '#fff', 0]])}"/>${body}`
}

function closeup(c, cat, body) {
  const p = PALETTE[cat]
  return `<rect width="600" height="600" fill="${c.lin('bg', p.deep, 0, 0, 1, 1)}"/>`
    + '<g fill="#fff"><circle cx="90" cy="110" r="60" opacity=".22"/><circle cx="520" cy="90" r="36" opacity=".2"/><circle cx="540" cy="520" r="70" opacity=".14"/><circle cx="70" cy="500" r="28" opacity=".2"/></g>'
    + body
}

function lifestyle(c, cat, body) {
  const p = PALETTE[cat]
  const marble = cat === 'beauty-care'
    ? '<path d="M0 470C120 455 180 500 300 480S480 440 600 470M80 600C160 540 260 560 330 520" stroke="#d8cbc7" stroke-width="2" fill="none" opacity=".7"/>'
    : '<path d="M0 468H600M0 520H600M0 575H600" stroke="#fff" stroke-opacity=".18" stroke-width="3"/>'
  return `<rect width="600" height="430" fill="${c.lin('wall', p.wall)}"/>`
    + '<path d="M380 0H560L420 430H240Z" fill="#fff" opacity=".35"/>'
    + `<rect y="430" width="600" height="170" fill="${c.lin('tbl', p.table)}"/>${marble}`
    + '<rect y="428" width="600" height="5" fill="#fff" opacity=".5"/>'
    + body
}

// Shared props ---------------------------------------------------------------------------------

function plant(c, x, y, s) {
  return g(x, y, s, 0, leaf(c, -6, -70, 90, -120, true) + leaf(c, 0, -70, 100, -65) + leaf(c, 0, -70, 80, -20, true) + leaf(c, -4, -70, 70, -160)
    + `<path d="M-42 -72H42L34 0H-34Z" fill="${c.lin('pot', ['#f7f3ee', '#d9d0c6'], 0, 0, 1, 0)}"/><rect x="-46" y="-80" width="92" height="14" rx="4" fill="#ece5dc"/>`)
}

function phone(c, x, y, s, rot = 0, screen = 'bolt') {
  const icon = screen === 'bolt'
    ? '<path d="M8 -40L-24 8H0L-8 44L24 -6H0Z" fill="#07c160"/><rect x="-34" y="70" width="68" height="16" rx="8" fill="#fff" opacity=".25"/><rect x="-34" y="70" width="50" height="16" rx="8" fill="#07c160"/>'
    : ''
  return g(x, y, s, rot, `<rect x="-72" y="-146" width="144" height="292" rx="24" fill="#23262d"/><rect x="-64" y="-138" width="128" height="276" rx="18" fill="${c.lin('scr', ['#2d3a52', '#141b29'])}"/><rect x="-18" y="-130" width="36" height="9" rx="4.5" fill="#0b0d12"/>${icon}`)
}

function bowl(c, x, y, s, contents, color = ['#ffffff', '#dfe3e8']) {
  return g(x, y, s, 0, `${shadow(c, 0, 96, 150, 20)}<ellipse cx="0" cy="0" rx="150" ry="30" fill="#c9cfd6"/>${contents}<path d="M-150 0C-150 70 -80 100 0 100S150 70 150 0C90 30 -90 30 -150 0Z" fill="${c.lin('bowl', color, 0, 0, 0, 1)}"/>${hl(-80, 40, 40, 10, 20, 0.6)}`)
}

function board(c, x, y, s) {
  return g(x, y, s, 0, `${shadow(c, 0, 70, 230, 26)}<rect x="-200" y="-60" width="400" height="120" rx="40" fill="${c.lin('brd', ['#e3b77f', '#c48a4f'])}"/><rect x="190" y="-22" width="70" height="44" rx="22" fill="#c48a4f"/><circle cx="236" cy="0" r="9" fill="#8a5b2c"/><rect x="-200" y="40" width="400" height="20" rx="10" fill="#a8733f" opacity=".5"/>`)
}

// ---------------------------------------------------------------------------------------------
// Products: each returns an array of view functions (c) => body

function blueberry(c, x, y, r) {
  const fill = c.rad('bb', [[0, '#8fa2e0'], [0.5, '#3d4c98'], [1, '#1b2150']], 0.35, 0.3, 0.75)
  c.sym('berry', `<circle r="100" fill="${fill}"/><polygon points="${star(12, -40, 26, 11)}" fill="#1a1d3a" stroke="#5b6aa8" stroke-width="5"/>${hl(-45, -10, 16, 30, 20, 0.22)}`)
  return use('berry', x, y, n(r / 100))
}
const berries = (c, list, dx = 0, dy = 0, k = 1) =>
  [...list].sort((a, b) => a[1] - b[1]).map(([x, y, r]) => blueberry(c, dx + x * k, dy + y * k, n(r * k))).join('')
const BERRY_HEAP = [[190, 300, 32], [245, 285, 34], [300, 278, 35], [355, 285, 34], [410, 300, 32], [215, 325, 33], [272, 316, 35], [330, 316, 35], [387, 325, 33], [268, 255, 32], [332, 253, 33], [300, 232, 31]]

const yunnanBlueberry = [
  c => studio(c, 'fresh-fruit', shadow(c, 300, 485, 190, 26)
  + berries(c, BERRY_HEAP)
  + `<path d="M150 330H450L420 480H180Z" fill="${c.lin('pun', [[0, '#ffffff', 0.8], [1, '#dbe7f4', 0.7]])}" stroke="#c3d2e4" stroke-width="3"/>`
  + '<path d="M215 345L228 465M265 345L270 465M315 345L312 465M365 345L355 465M410 345L392 462" stroke="#c3d2e4" stroke-width="3"/>'
  + '<rect x="138" y="318" width="324" height="24" rx="8" fill="#f4f8fc" stroke="#c3d2e4" stroke-width="3"/>'
  + `<rect x="230" y="385" width="140" height="50" rx="10" fill="#3d4c98"/>${label(300, 419, 26, 'FRESH')}`
  + leaf(c, 145, 470, 80, -160) + blueberry(c, 470, 466, 30) + blueberry(c, 428, 492, 27)),
  c => closeup(c, 'fresh-fruit', leaf(c, 360, 250, 200, -30) + leaf(c, 380, 260, 170, 20, true)
  + berries(c, [[190, 330, 135], [430, 400, 120], [300, 540, 110], [80, 560, 90]])
  + '<g fill="#fff" opacity=".7"><ellipse cx="150" cy="270" rx="9" ry="12"/><ellipse cx="420" cy="330" rx="7" ry="9"/><ellipse cx="250" cy="480" rx="6" ry="8"/></g>'),
  c => lifestyle(c, 'fresh-fruit', bowl(c, 300, 400, 1, berries(c, BERRY_HEAP, -300, -320 + 10, 1))
  + leaf(c, 470, 520, 70, -30) + blueberry(c, 140, 525, 26) + blueberry(c, 185, 540, 24) + blueberry(c, 480, 540, 24)),
]

function mango(c, x, y, s, rot) {
  const fill = c.lin('mg', [[0, '#e0412e'], [0.45, '#f5962a'], [1, '#f1d94f']], 0.1, 0, 0.9, 1)
  return g(x, y, s, rot, `<path d="M0 -100C65 -105 100 -40 90 30C80 95 20 120 -30 105C-85 88 -100 20 -85 -35C-72 -80 -40 -98 0 -100Z" fill="${fill}"/>${hl(-45, -40, 16, 34, 25, 0.35)}<circle cx="6" cy="-100" r="7" fill="#6b5a2a"/>`)
}
function mangoLeaves(c, x, y) {
  return leaf(c, x, y, 170, -150, true) + leaf(c, x, y, 150, -30, true)
}

const hainanGuifeiMango = [
  c => studio(c, 'fresh-fruit', shadow(c, 300, 470, 200, 28) + mangoLeaves(c, 300, 220)
  + mango(c, 225, 300, 1, -25) + mango(c, 380, 300, 1, 30) + mango(c, 300, 380, 1.05, -80)),
  (c) => {
    let cubes = ''
    for (let i = -3; i <= 3; i++) {
      for (let j = -3; j <= 3; j++) {
        const x = 300 + i * 54, y = 320 + j * 54
        if (((x - 300) / 170) ** 2 + ((y - 320) / 128) ** 2 > 1) continue
        cubes += `<rect x="${x - 24}" y="${y - 24}" width="48" height="48" rx="13" fill="${c.lin('cube', ['#ffd44a', '#f59a1b'])}"/>${hl(x - 10, y - 12, 9, 6, -20, 0.5)}`
      }
    }
    return closeup(c, 'fresh-fruit', shadow(c, 300, 480, 220, 30) + `<ellipse cx="300" cy="330" rx="215" ry="165" fill="${c.lin('mg', [[0, '#e0412e'], [0.5, '#f5962a'], [1, '#e7d04a']], 0, 0, 1, 1)}"/><ellipse cx="300" cy="322" rx="195" ry="146" fill="#e98a16"/>${cubes}`)
  },
  c => lifestyle(c, 'fresh-fruit', shadow(c, 300, 515, 220, 24)
  + `<path d="M110 330H490L470 350H130Z" fill="#8a6440"/>`
  + `<path d="M130 340C180 300 230 330 260 320S340 300 380 322 450 310 470 340Z" fill="#e8d2a8"/>`
  + mango(c, 200, 330, 0.8, -80) + mango(c, 300, 320, 0.8, -95) + mango(c, 400, 330, 0.8, -70)
  + `<rect x="110" y="360" width="380" height="150" rx="6" fill="${c.lin('krf', ['#d8ac75', '#bb8a52'])}"/><rect x="110" y="350" width="380" height="22" rx="4" fill="#c69560"/>`
  + `<circle cx="300" cy="440" r="42" fill="#f5962a"/><path d="M285 420C310 410 325 440 310 460C295 470 275 450 285 420Z" fill="#ffd44a"/>`
  + leaf(c, 470, 520, 90, -20, true)),
]

function apple(c, x, y, s, leafy = true) {
  const fill = c.rad('ap', [[0, '#ff8c78'], [0.45, '#e1352f'], [0.85, '#a8161b'], [1, '#8e1218']], 0.35, 0.32, 0.75)
  return g(x, y, s, 0, `<path d="M0 -62C30 -88 96 -78 98 -5C100 60 55 100 20 95C10 93 -10 93 -20 95C-55 100 -100 60 -98 -5C-96 -78 -30 -88 0 -62Z" fill="${fill}"/>`
    + `${hl(-48, -30, 14, 26, 25, 0.4)}<path d="M0 -58C2 -78 8 -94 16 -104" stroke="#6d4c2f" stroke-width="7" fill="none" stroke-linecap="round"/>${leafy ? leaf(c, 12, -90, 52, -25) : ''}`)
}

const yantaiFujiApple = [
  c => studio(c, 'fresh-fruit', shadow(c, 300, 470, 210, 28) + apple(c, 300, 285, 0.95) + apple(c, 215, 370, 1, false) + apple(c, 385, 370, 1, false)),
  c => closeup(c, 'fresh-fruit', shadow(c, 330, 500, 210, 26) + apple(c, 430, 250, 1.5)
  + `<ellipse cx="280" cy="400" rx="190" ry="180" fill="#b8171d"/><ellipse cx="280" cy="398" rx="176" ry="166" fill="${c.rad('flesh', ['#fffbe8', '#fdeebb', '#f6dc8e'])}"/>`
  + `<polygon points="${star(280, 398, 70, 34)}" fill="#f2c86b" opacity=".8"/><circle cx="280" cy="398" r="14" fill="#e6b25a"/>`
  + [0, 72, 144, 216, 288].map(a => g(280, 398, 1, a, '<ellipse cx="0" cy="-40" rx="8" ry="15" fill="#5b3418"/>')).join('')
  + hl(190, 330, 30, 14, -35, 0.5)),
  c => lifestyle(c, 'fresh-fruit', shadow(c, 300, 522, 230, 24)
  + apple(c, 180, 345, 0.72, false) + apple(c, 270, 335, 0.72) + apple(c, 360, 340, 0.72, false) + apple(c, 440, 348, 0.7, false)
  + `<rect x="100" y="370" width="400" height="64" rx="6" fill="${c.lin('crt', ['#d9a86b', '#b98245'])}"/><rect x="100" y="444" width="400" height="64" rx="6" fill="url(#crt)"/>`
  + '<rect x="100" y="360" width="26" height="152" rx="5" fill="#a06d37"/><rect x="474" y="360" width="26" height="152" rx="5" fill="#a06d37"/><g fill="#6e4a23"><circle cx="113" cy="400" r="4"/><circle cx="487" cy="400" r="4"/><circle cx="113" cy="476" r="4"/><circle cx="487" cy="476" r="4"/></g>'
  + apple(c, 540, 500, 0.6, false)),
]

function cherry(c, x, y, r) {
  const fill = c.rad('ch', [[0, '#ff6b7d'], [0.45, '#c8102e'], [1, '#5a0515']], 0.35, 0.32, 0.75)
  c.sym('cherry', `<path d="M0 -82C30 -104 100 -80 100 0A100 100 0 0 1 -100 0C-100 -80 -30 -104 0 -82Z" fill="${fill}"/><ellipse cy="-84" rx="12" ry="5" fill="#5a0515" opacity=".6"/>${hl(-42, -25, 14, 26, 25, 0.5)}`)
  return use('cherry', x, y, n(r / 100))
}
const stem = (x1, y1, x2, y2, bend, w = 5) =>
  `<path d="M${x1} ${y1}Q${n((x1 + x2) / 2 + bend)} ${n((y1 + y2) / 2)} ${x2} ${y2}" stroke="#6b8a2a" stroke-width="${w}" fill="none" stroke-linecap="round"/>`

const chileCherry = [
  c => studio(c, 'fresh-fruit', shadow(c, 300, 470, 200, 26)
  + stem(260, 270, 300, 160, -30) + stem(335, 268, 300, 160, 25) + stem(400, 280, 440, 170, -10) + leaf(c, 300, 162, 80, -40, true)
  + [[260, 305, 44], [335, 303, 44], [400, 315, 42], [215, 365, 46], [288, 360, 46], [360, 362, 46], [430, 372, 44], [180, 425, 45], [250, 422, 47], [322, 425, 47], [392, 428, 46], [455, 432, 42]].map(([x, y, r]) => cherry(c, x, y, r)).join('')),
  c => closeup(c, 'fresh-fruit', stem(230, 290, 380, 40, -60, 12) + stem(430, 330, 380, 40, 20, 12) + leaf(c, 380, 44, 150, -20, true)
  + cherry(c, 230, 400, 150) + cherry(c, 440, 430, 135)
  + '<g fill="#fff" opacity=".75"><ellipse cx="180" cy="360" rx="8" ry="11"/><ellipse cx="300" cy="470" rx="6" ry="8"/><ellipse cx="470" cy="380" rx="7" ry="10"/></g>'),
  c => lifestyle(c, 'fresh-fruit', shadow(c, 300, 520, 230, 24)
  + '<path d="M100 350L140 320H460L500 350Z" fill="#3b1b24"/>'
  + stem(250, 300, 280, 240, -20, 4) + stem(320, 300, 280, 240, 15, 4)
  + [[150, 350, 34], [210, 340, 36], [270, 330, 36], [335, 332, 36], [400, 338, 35], [455, 350, 33], [250, 300, 30], [320, 300, 30]].sort((a, b) => a[1] - b[1]).map(([x, y, r]) => cherry(c, x, y, r)).join('')
  + `<rect x="100" y="350" width="400" height="160" rx="6" fill="${c.lin('box', ['#2c1a20', '#12080b'])}"/><rect x="100" y="350" width="400" height="10" fill="#c9a25a"/>`
  + '<rect x="280" y="350" width="40" height="160" fill="#b3202f"/><path d="M300 420L262 398V442ZM300 420L338 398V442Z" fill="#d62b3c"/><circle cx="300" cy="420" r="10" fill="#a01826"/>'),
]

function kiwiWhole(c, x, y, s, rot) {
  return g(x, y, s, rot, `<ellipse rx="88" ry="70" fill="${c.rad('kw', ['#b08b5e', '#8a6a42', '#5f4426'], 0.4, 0.35, 0.7)}"/><path d="M-40 -40l6 4M10 -50l5 3M50 -20l5 4M-60 10l6 3M-10 20l5 4M30 30l6 3M-30 50l5 3" stroke="#4c361c" stroke-width="3" stroke-linecap="round" opacity=".5"/><circle cx="-88" cy="0" r="6" fill="#4c361c"/>${hl(-30, -40, 26, 10, -15, 0.18)}`)
}
function kiwiHalf(c, x, y, r, sy = 1) {
  let seeds = ''
  for (let i = 0; i < 22; i++) {
    const a = (i / 22) * 2 * Math.PI, d = i % 2 ? 36 : 46
    const sx = n(d * Math.cos(a)), sy2 = n(d * Math.sin(a))
    seeds += `<ellipse cx="${sx}" cy="${sy2}" rx="4.5" ry="2.2" transform="rotate(${n((i / 22) * 360)} ${sx} ${sy2})"/>`
  }
  c.sym('kiwi', `<circle r="100" fill="#6d5232"/><circle r="95" fill="${c.rad('kf', [[0, '#fbfbe2'], [0.28, '#e5f0a0'], [0.55, '#a9d443'], [1, '#6fae24']])}"/><ellipse rx="26" ry="20" fill="#fbf8dc"/><g fill="#1d1a10">${seeds}</g>`)
  return `<use href="#kiwi" transform="translate(${x} ${y}) scale(${n(r / 100)} ${n((r / 100) * sy)})"/>`
}

const zhouzhiKiwi = [
  c => studio(c, 'fresh-fruit', shadow(c, 300, 470, 200, 26) + kiwiWhole(c, 230, 320, 1, -12) + kiwiWhole(c, 380, 310, 0.95, 15) + leaf(c, 410, 250, 90, -50) + kiwiHalf(c, 300, 390, 92)),
  c => closeup(c, 'fresh-fruit', shadow(c, 300, 540, 230, 30) + kiwiHalf(c, 300, 310, 235)),
  c => lifestyle(c, 'fresh-fruit', shadow(c, 490, 462, 70, 10) + kiwiWhole(c, 490, 420, 0.7, 10) + board(c, 250, 470, 1)
  + kiwiHalf(c, 170, 455, 72, 0.62) + kiwiHalf(c, 320, 460, 72, 0.62) + leaf(c, 400, 520, 80, -20)),
]

function almond(c, x, y, s, rot) {
  return g(x, y, s, rot, `<path d="M0 -32C18 -20 22 12 0 32C-22 12 -18 -20 0 -32Z" fill="${c.lin('alm', ['#d2955a', '#8e5427'], 0, 0, 1, 1)}"/><path d="M-6 -18Q-10 0 -4 18M6 -14Q8 4 3 16" stroke="#6e3f1c" stroke-width="2" fill="none" opacity=".5"/>`)
}
function cashew(c, x, y, s, rot) {
  return g(x, y, s, rot, `<path d="M-30 -5C-30 -30 10 -38 30 -20C36 -14 32 -4 24 -6C12 -10 2 -4 0 8C-4 26 -30 22 -30 -5Z" fill="${c.lin('csh', ['#f7e2b8', '#d9ac6c'], 0, 0, 1, 1)}"/>`)
}
function walnut(c, x, y, s, rot) {
  return g(x, y, s, rot, `<path d="M-30 -20C-20 -34 0 -30 4 -22C12 -34 34 -26 32 -8C40 6 30 26 14 24C6 34 -16 32 -20 20C-38 16 -40 -4 -30 -20Z" fill="${c.lin('wal', ['#d49a5c', '#8c5628'], 0, 0, 1, 1)}"/><path d="M2 -20C-2 0 6 10 2 26M-22 -6C-10 0 -14 10 -4 14M24 -4C14 2 18 10 10 16" stroke="#6f4019" stroke-width="2.5" fill="none" opacity=".55"/>`)
}
const berryBit = (x, y, s, col) => `<ellipse cx="${x}" cy="${y}" rx="${n(13 * s)}" ry="${n(10 * s)}" fill="${col}"/>`
const nutMix = (c, x, y, s) => g(x, y, s, 0, walnut(c, -50, -10, 1, 10) + almond(c, 20, -20, 1, 60) + cashew(c, 60, 20, 1, -20) + almond(c, -20, 30, 1, -40) + berryBit(-80, 30, 1, '#b8233a') + berryBit(20, 50, 0.9, '#3b2d5c') + walnut(c, 90, -30, 0.8, -30) + berryBit(-70, -50, 0.9, '#b8233a') + cashew(c, -110, -10, 0.9, 160))

function sachet(c, x, y, s, rot) {
  const zig = Array.from({ length: 10 }, (_, i) => `L${n(-55 + i * 12.2)} ${i % 2 ? -78 : -84}`).join('')
  c.sym('sachet', `<path d="M-60 -84${zig}L60 -84V84H-60Z" fill="${c.lin('sac', ['#ff9d4d', '#f06a1d'])}"/><rect x="-60" y="-70" width="120" height="22" fill="#d9541a" opacity=".5"/><circle cx="0" cy="15" r="40" fill="#fff5e6"/>${almond(c, -8, 14, 0.8, 30)}${berryBit(16, 24, 0.9, '#b8233a')}${label(0, 76, 16, 'NUTS')}`)
  return use('sachet', x, y, s, rot)
}

const dailyMixedNuts = [
  c => studio(c, 'snacks-drinks', shadow(c, 300, 515, 220, 26)
  + `<path d="M150 170L190 140H450L410 170Z" fill="#ffb27a"/><path d="M410 170L450 140V370L410 400Z" fill="#d9541a"/><rect x="150" y="170" width="260" height="230" fill="${c.lin('box', ['#ff8a3d', '#e8601a'])}"/>`
  + `<circle cx="280" cy="240" r="48" fill="#fff5e6"/>${nutMix(c, 280, 240, 0.4)}${label(280, 320, 32, 'DAILY')}${label(280, 356, 32, 'NUTS')}`
  + sachet(c, 215, 462, 0.62, -14) + sachet(c, 310, 470, 0.62, 4) + sachet(c, 405, 460, 0.62, 18)),
  c => closeup(c, 'snacks-drinks', nutMix(c, 300, 300, 2.6) + walnut(c, 480, 510, 2.2, 20) + almond(c, 110, 520, 2.4, -70) + cashew(c, 500, 120, 2.2, 30)),
  c => lifestyle(c, 'snacks-drinks', bowl(c, 330, 400, 1, nutMix(c, 0, -20, 1.1), ['#d8ecf6', '#9dc4dc']) + sachet(c, 130, 470, 0.7, -70)),
]

function capsule(c, x, y, s, lid) {
  return g(x, y, s, 0, `<path d="M-42 -28H42L34 38Q0 54 -34 38Z" fill="${c.lin('cof', ['#6b3f22', '#2b160b'])}"/><path d="M-30 -20L-24 34" stroke="#fff" stroke-width="6" opacity=".25" stroke-linecap="round"/><ellipse cy="-30" rx="47" ry="14" fill="${lid}"/><ellipse cy="-32" rx="30" ry="8" fill="#fff" opacity=".3"/>`)
}
const LIDS = ['#e85d3f', '#f2b33d', '#2f9e7a', '#4a78d6', '#c94f8b', '#7a59c9']
function icedGlass(c, x, y, s, liquid) {
  return g(x, y, s, 0, `${shadow(c, 0, 150, 110, 16)}<path d="M-90 -150H90L76 140Q0 160 -76 140Z" fill="#fff" opacity=".35"/>${liquid}<g fill="#fff" opacity=".55"><rect x="-50" y="-100" width="50" height="50" rx="10" transform="rotate(15 -25 -75)"/><rect x="5" y="-90" width="46" height="46" rx="10" transform="rotate(-10 28 -67)"/><rect x="-20" y="-50" width="44" height="44" rx="10" transform="rotate(30 2 -28)"/></g><rect x="30" y="-230" width="16" height="200" rx="8" fill="#222" transform="rotate(12 38 -130)"/><path d="M-90 -150H90L76 140Q0 160 -76 140Z" fill="none" stroke="#fff" stroke-width="4" opacity=".8"/>${hl(-65, 0, 8, 110, 2, 0.5)}`)
}

const coldBrewCoffee = [
  c => studio(c, 'snacks-drinks', shadow(c, 300, 470, 230, 26)
  + [0, 1, 2].map(i => capsule(c, 200 + i * 100, 300, 1.15, LIDS[i])).join('')
  + [3, 4, 5].map(i => capsule(c, 150 + (i - 3) * 150, 400, 1.45, LIDS[i])).join('')),
  c => closeup(c, 'snacks-drinks', capsule(c, 190, 220, 2.4, LIDS[0]) + capsule(c, 420, 330, 2.6, LIDS[2]) + capsule(c, 230, 470, 2.2, LIDS[4])),
  c => lifestyle(c, 'snacks-drinks', icedGlass(c, 250, 360, 0.95, '<path d="M-84 -60H84L76 140Q0 160 -76 140Z" fill="#5c3218"/><path d="M-84 -60H84L80 20C40 50 -40 0 -80 30Z" fill="#d9b08a"/>')
  + capsule(c, 430, 480, 1.1, LIDS[1]) + capsule(c, 500, 420, 0.9, LIDS[3])),
]

function peach(c, x, y, s, rot = 0) {
  return g(x, y, s, rot, `<path d="M0 -50C40 -70 70 -30 62 10C55 50 25 66 0 62C-25 66 -55 50 -62 10C-70 -30 -40 -70 0 -50Z" fill="${c.rad('pch', ['#fff0e4', '#ffab96', '#f0646a'], 0.4, 0.35, 0.7)}"/><path d="M0 -48C-12 -20 -12 30 0 60" stroke="#e0585c" stroke-width="4" fill="none" opacity=".5"/>${leaf(c, 2, -52, 50, -40)}`)
}
function teabag(c, x, y, s, rot) {
  return g(x, y, s, rot, '<path d="M0 -120Q4 -150 30 -160" stroke="#c9b8a6" stroke-width="2" fill="none"/><rect x="22" y="-180" width="34" height="26" rx="4" fill="#ff9a8a"/>'
    + '<path d="M0 -62L58 40H-58Z" fill="#fffaf4" opacity=".75" stroke="#e9ddd0" stroke-width="3" stroke-linejoin="round"/><g fill="#6a5030"><ellipse cx="-10" cy="20" rx="12" ry="6" transform="rotate(20 -10 20)"/><ellipse cx="18" cy="10" rx="10" ry="5"/><ellipse cx="4" cy="30" rx="9" ry="5"/></g><g fill="#ffb199"><circle cx="-24" cy="28" r="6"/><circle cx="24" cy="30" r="7"/><circle cx="2" cy="-4" r="6"/></g>')
}

const whitePeachOolong = [
  c => studio(c, 'snacks-drinks', shadow(c, 300, 470, 200, 26)
  + `<rect x="210" y="190" width="180" height="270" rx="14" fill="${cyl(c, 'tin', '#f59c89', '#ffe1d6')}"/><rect x="204" y="160" width="192" height="46" rx="12" fill="${cyl(c, 'lid', '#e6d9d2', '#ffffff')}"/>`
  + `<rect x="210" y="280" width="180" height="120" fill="#fff7f2"/>${peach(c, 300, 330, 0.7)}${label(300, 390, 20, 'OOLONG', '#e0585c')}`
  + teabag(c, 175, 430, 0.75, -15) + peach(c, 440, 420, 0.9)),
  c => closeup(c, 'snacks-drinks', teabag(c, 290, 380, 3.1, -8) + peach(c, 490, 490, 1.6, 20)),
  c => lifestyle(c, 'snacks-drinks', g(300, 360, 1, 0, `${shadow(c, 0, 150, 120, 16)}<path d="M-95 -160H95L90 140Q0 160 -90 140Z" fill="#fff" opacity=".35"/><path d="M-92 -90H92L90 140Q0 160 -90 140Z" fill="#f8c98f" opacity=".75"/>`
  + '<path d="M-40 -20A40 40 0 0 0 30 10L20 -10Z" fill="#ffb199"/><path d="M10 40A40 40 0 0 0 70 80L60 55Z" fill="#ffb199"/>'
  + `<path d="M95 -120C150 -120 150 40 95 40" stroke="#fff" stroke-width="14" fill="none" opacity=".7"/><path d="M-95 -160H95L90 140Q0 160 -90 140Z" fill="none" stroke="#fff" stroke-width="4" opacity=".8"/>${hl(-70, 0, 8, 110, 2, 0.5)}`)
+ peach(c, 470, 480, 0.9) + teabag(c, 130, 500, 0.5, 20)),
]

function sodaBottle(c, x, y, s) {
  return g(x, y, s, 0, `<rect x="-24" y="-204" width="48" height="34" rx="5" fill="#2e9e4e"/><path d="M-16 -198V-176M-6 -198V-176M4 -198V-176M14 -198V-176" stroke="#1f7a39" stroke-width="3"/><rect x="-28" y="-172" width="56" height="9" rx="3" fill="#2e9e4e"/>`
    + `<path d="M-20 -162H20C22 -140 60 -120 60 -80V150Q60 180 30 182H-30Q-60 180 -60 150V-80C-60 -120 -22 -140 -20 -162Z" fill="${cyl(c, 'pet', '#bfe8c4', '#f3fff2')}" opacity=".95"/>`
    + '<path d="M-57 -100H57V150Q57 177 30 179H-30Q-57 177 -57 150Z" fill="#cff3b0" opacity=".55"/>'
    + `<rect x="-60" y="-30" width="120" height="100" fill="#fff"/><rect x="-60" y="44" width="120" height="26" fill="#2e9e4e"/>${lime(c, 0, 8, 0.34)}${label(0, 64, 18, 'SODA')}`
    + '<g fill="none" stroke="#fff" stroke-width="2.5"><circle cx="-30" cy="110" r="6"/><circle cx="20" cy="130" r="4"/><circle cx="35" cy="95" r="5"/><circle cx="-10" cy="-60" r="5"/><circle cx="25" cy="-75" r="3"/></g>'
    + `${hl(-44, 40, 7, 110, 0, 0.55)}<path d="M-60 150H60M-60 132H60" stroke="#9fd3a7" stroke-width="3" opacity=".5"/>`)
}
function lime(c, x, y, s, rot = 0) {
  return g(x, y, s, rot, `<circle r="60" fill="#55ad32"/><circle r="52" fill="#e2f5a8"/><g stroke="#fff" stroke-width="5">${[0, 45, 90, 135].map(a => `<path d="M0 0L${n(48 * Math.cos(a * Math.PI / 180))} ${n(48 * Math.sin(a * Math.PI / 180))}M0 0L${n(-48 * Math.cos(a * Math.PI / 180))} ${n(-48 * Math.sin(a * Math.PI / 180))}"/>`).join('')}</g><circle r="8" fill="#fff"/>`)
}

const limeSparklingWater = [
  c => studio(c, 'snacks-drinks', shadow(c, 300, 490, 200, 24) + sodaBottle(c, 360, 290, 0.95) + sodaBottle(c, 250, 305, 1) + lime(c, 430, 470, 0.7, 20)),
  c => closeup(c, 'snacks-drinks', sodaBottle(c, 300, 560, 2.3)
  + '<g fill="none" stroke="#fff" stroke-width="4" opacity=".8"><circle cx="90" cy="200" r="14"/><circle cx="130" cy="320" r="9"/><circle cx="500" cy="250" r="16"/><circle cx="470" cy="140" r="8"/><circle cx="520" cy="400" r="10"/></g>'
  + lime(c, 100, 470, 1.3, 15)),
  c => lifestyle(c, 'snacks-drinks', sodaBottle(c, 200, 322, 0.85)
  + icedGlass(c, 380, 400, 0.7, '<path d="M-86 -90H86L76 140Q0 160 -76 140Z" fill="#dcf5c2" opacity=".8"/><g fill="none" stroke="#fff" stroke-width="4"><circle cx="-30" cy="90" r="8"/><circle cx="30" cy="60" r="6"/><circle cx="0" cy="120" r="5"/></g>')
  + lime(c, 480, 500, 0.55, 0) + lime(c, 330, 222, 0.55, 0)),
]

function jerky(c, x, y, s, rot) {
  return g(x, y, s, rot, `<path d="M-70 -18Q-20 -26 72 -16L76 14Q10 24 -72 16Z" fill="${c.lin('jk', ['#9a4526', '#5a1f10'])}"/><path d="M-60 -6Q0 -12 64 -4M-58 6Q0 2 60 8" stroke="#c4714a" stroke-width="3" fill="none" opacity=".45"/><g fill="#2a0d05"><circle cx="-30" cy="0" r="2.5"/><circle cx="20" cy="-8" r="2.5"/><circle cx="40" cy="6" r="2.5"/></g>`)
}
/** A big, hand-torn strip for close-ups: ragged ends and visible fibres. */
function jerkyTorn(c, x, y, s, rot) {
  return g(x, y, s, rot, `<path d="M-250 -50Q-40 -80 230 -56L252 -40 236 -24 258 -6 240 10 256 30 232 44Q-20 70 -244 52L-262 30 -246 10 -266 -8 -248 -26Z" fill="${c.lin('jk2', ['#a2502c', '#6a2614', '#4e190b'])}"/>`
    + '<path d="M-230 -30Q0 -52 220 -34M-236 -6Q0 -26 230 -10M-232 18Q0 2 228 16M-226 38Q0 30 220 36" stroke="#d08356" stroke-width="4" fill="none" opacity=".4"/>'
    + '<path d="M-200 -60Q-40 -84 180 -64" stroke="#fff" stroke-width="6" fill="none" opacity=".18" stroke-linecap="round"/><g fill="#2a0d05"><circle cx="-120" cy="-10" r="5"/><circle cx="-20" cy="20" r="4"/><circle cx="90" cy="-20" r="5"/><circle cx="160" cy="24" r="4"/></g>')
}
function kraftPouch(c, x, y, s) {
  return g(x, y, s, 0, `<path d="M-110 -150H110L115 140Q118 162 95 162H-95Q-118 162 -115 140Z" fill="${c.lin('krf', ['#e0bd8e', '#b88c5a'], 0, 0, 1, 1)}"/><rect x="-110" y="-150" width="220" height="34" fill="#a87c4a" opacity=".5"/><path d="M-110 -106H110" stroke="#8a6238" stroke-width="3" stroke-dasharray="6 5"/>`
    + `<rect x="-72" y="-70" width="144" height="110" rx="24" fill="#f3e3c6"/>${g(0, -15, 0.85, 0, jerky(c, 0, -22, 1, -8) + jerky(c, 4, 10, 1, 6) + jerky(c, -6, 38, 0.9, -4))}`
    + `<rect x="-110" y="70" width="220" height="50" fill="#c8362b"/>${label(0, 105, 30, 'BEEF')}${hl(-85, 0, 8, 100, 0, 0.3)}`)
}

const innerMongoliaBeefJerky = [
  c => studio(c, 'snacks-drinks', shadow(c, 300, 480, 210, 26) + kraftPouch(c, 270, 310, 1) + jerky(c, 420, 450, 1.2, -25) + jerky(c, 450, 480, 1.1, 10)),
  c => closeup(c, 'snacks-drinks', jerkyTorn(c, 280, 230, 1, -18) + jerkyTorn(c, 330, 420, 0.95, 12)
  + '<g fill="#d93a2b"><path d="M120 520l18 -6 4 14z"/><path d="M470 140l14 8 -12 8z"/><path d="M500 520l10 -14 8 12z"/></g><g fill="#2a0d05"><circle cx="90" cy="380" r="5"/><circle cx="520" cy="300" r="5"/><circle cx="440" cy="560" r="4"/></g>'),
  c => lifestyle(c, 'snacks-drinks', kraftPouch(c, 160, 330, 0.7) + board(c, 360, 480, 0.75) + jerky(c, 340, 455, 1.1, -10) + jerky(c, 380, 478, 1.1, 5) + jerky(c, 330, 495, 1, -3)),
]

function tissuePack(c, x, y, s, top = true) {
  return g(x, y, s, 0, (top
    ? `<path d="M-150 -40C-150 -75 -125 -92 -95 -92H95C125 -92 150 -75 150 -40Z" fill="#f4f6f3"/><ellipse cx="0" cy="-62" rx="72" ry="11" fill="#cfd8d0"/>`
    + '<path d="M-46 -62C-60 -120 -10 -150 10 -120C24 -150 70 -120 46 -62Z" fill="#fff" stroke="#e0e6e1" stroke-width="3"/><path d="M-10 -110C-4 -90 -6 -76 -14 -64M18 -108C14 -90 18 -76 24 -64" stroke="#e0e6e1" stroke-width="3" fill="none"/>'
    : '')
  + `<rect x="-150" y="-44" width="300" height="104" rx="30" fill="${c.lin('tsu', ['#ffffff', '#e6ece7'])}"/><path d="M-150 10H150" stroke="#5fb46e" stroke-width="16" opacity=".85"/>`
  + leaf(c, -100, 10, 40, -50) + leaf(c, 100, 10, 40, -130) + label(0, 52, 18, 'SOFT', '#5fb46e'))
}

const logPulpTissue = [
  c => studio(c, 'home-living', shadow(c, 300, 490, 210, 24) + tissuePack(c, 300, 430, 1, false) + tissuePack(c, 300, 318, 1)),
  c => closeup(c, 'home-living', `<rect x="20" y="330" width="560" height="320" rx="70" fill="${c.lin('tsu', ['#ffffff', '#e6ece7'])}"/><path d="M20 470H580" stroke="#5fb46e" stroke-width="40" opacity=".85"/>`
  + leaf(c, 90, 540, 70, -50) + leaf(c, 500, 540, 70, -130) + '<ellipse cx="300" cy="390" rx="190" ry="26" fill="#cfd8d0"/>'
  + `<path d="M150 392C110 300 150 180 230 150C260 80 330 60 380 110C470 130 500 280 450 392Z" fill="${c.lin('tis', ['#ffffff', '#eef2f5'])}" stroke="#d8e0e7" stroke-width="4"/>`
  + '<path d="M230 152C250 230 300 260 330 390M380 112C350 180 380 260 400 390M260 120C300 130 340 170 350 200" stroke="#dbe2e9" stroke-width="5" fill="none" stroke-linecap="round"/>'
  + `<path d="M150 392C110 300 150 180 230 150C260 80 330 60 380 110C470 130 500 280 450 392Z" fill="${c.raw('dots', '<pattern id="dots" width="20" height="20" patternUnits="userSpaceOnUse"><circle cx="10" cy="10" r="2" fill="#d3dbe4"/></pattern>')}"/>`),
  c => lifestyle(c, 'home-living', tissuePack(c, 270, 440, 0.85) + shadow(c, 460, 500, 70, 12) + plant(c, 470, 495, 1.3)),
]

function pod(c, x, y, s, rot) {
  return g(x, y, s, rot, `<rect x="-42" y="-42" width="84" height="84" rx="30" fill="#eaf5ff"/><path d="M-34 -6C-34 -30 -20 -36 0 -36V36C-20 36 -34 30 -34 6Z" fill="#2f7be8"/><path d="M0 -36C20 -36 34 -30 34 -6V0H0Z" fill="#2fc28a"/><path d="M0 0H34V6C34 30 20 36 0 36Z" fill="#8b5cf6"/><rect x="-42" y="-42" width="84" height="84" rx="30" fill="none" stroke="#fff" stroke-width="5" opacity=".8"/>${hl(-18, -22, 14, 7, -30, 0.7)}`)
}
function podTub(c, x, y, s) {
  return g(x, y, s, 0, `<path d="M-150 -60H150L140 130Q140 150 120 150H-120Q-140 150 -140 130Z" fill="${cyl(c, 'tub', '#dfe6ef', '#ffffff')}"/><rect x="-162" y="-108" width="324" height="56" rx="18" fill="${c.lin('tlid', ['#3d8bf2', '#1a5fd0'])}"/><rect x="-40" y="-96" width="80" height="14" rx="7" fill="#fff" opacity=".4"/>`
    + `<path d="M-140 40C-80 10 -40 70 20 40S110 20 140 30V120H-140Z" fill="#2f7be8" opacity=".9"/>${pod(c, 0, -6, 0.8, 0)}${label(0, 100, 30, 'PODS')}`)
}

const laundryPods = [
  c => studio(c, 'home-living', shadow(c, 300, 475, 220, 26) + podTub(c, 270, 320, 1) + pod(c, 430, 440, 0.9, 15) + pod(c, 350, 480, 0.8, -20) + pod(c, 500, 480, 0.75, 40)),
  c => closeup(c, 'home-living', pod(c, 160, 200, 2.3, -15) + pod(c, 420, 230, 2.1, 20) + pod(c, 290, 420, 2.6, 5) + pod(c, 520, 500, 1.8, -30) + pod(c, 90, 500, 1.6, 35)),
  c => lifestyle(c, 'home-living', `<rect x="90" y="40" width="420" height="560" rx="30" fill="${c.lin('wm', ['#ffffff', '#e3e8ee'])}"/><rect x="90" y="40" width="420" height="90" rx="30" fill="#eef2f6"/><circle cx="150" cy="85" r="14" fill="#cfd6df"/><rect x="330" y="75" width="140" height="20" rx="10" fill="#07c160" opacity=".8"/>`
  + `<circle cx="300" cy="360" r="170" fill="#c5ced9"/><circle cx="300" cy="360" r="140" fill="${c.rad('drum', ['#5e6b7d', '#2f3845'])}"/><path d="M200 440C240 380 320 400 400 440C360 490 240 490 200 440Z" fill="#7fb0e8"/>`
  + `${pod(c, 300, 300, 0.9, 20)}${pod(c, 370, 220, 0.7, -25)}<path d="M170 260A150 150 0 0 1 260 200" stroke="#fff" stroke-width="10" fill="none" opacity=".35" stroke-linecap="round"/>`),
]

function towel(c, x, y, w, h, id, color) {
  return `<rect x="${x - w / 2}" y="${y - h / 2}" width="${w}" height="${h}" rx="${h * 0.45}" fill="${c.lin(id, color)}"/>`
    + `<rect x="${x + w * 0.18}" y="${y - h / 2}" width="${w * 0.08}" height="${h}" fill="#fff" opacity=".35"/><path d="M${x - w / 2 + 20} ${y - h / 2 + 10}H${x + w / 2 - 20}" stroke="#fff" stroke-width="4" opacity=".5" stroke-linecap="round"/>`
}
const TOWELS = [['tw1', ['#fffaf0', '#eadcc4']], ['tw2', ['#bfd4ea', '#8fb0d3']], ['tw3', ['#ffd9df', '#f0aeba']]]
function roll(c, x, y, r, [id, color]) {
  return `<circle cx="${x}" cy="${y}" r="${r}" fill="${c.lin(id, color)}"/><path d="M${x} ${y - r * 0.7}A${r * 0.7} ${r * 0.7} 0 1 1 ${x - r * 0.6} ${y + r * 0.3}M${x} ${y - r * 0.35}A${r * 0.35} ${r * 0.35} 0 1 1 ${x - r * 0.3} ${y + r * 0.15}" stroke="#000" stroke-opacity=".12" stroke-width="5" fill="none"/>`
}

const cottonTowelSet = [
  c => studio(c, 'home-living', shadow(c, 300, 480, 210, 24)
  + towel(c, 300, 430, 340, 86, ...TOWELS[0]) + towel(c, 300, 350, 330, 84, ...TOWELS[1]) + towel(c, 300, 272, 320, 80, ...TOWELS[2])
  + '<rect x="150" y="240" width="36" height="50" rx="4" fill="#fff"/><rect x="158" y="250" width="20" height="4" fill="#f0aeba"/>'),
  c => closeup(c, 'home-living', `<rect x="40" y="120" width="620" height="520" rx="120" fill="${c.lin('tw2', TOWELS[1][1])}"/>`
  + `<rect x="40" y="120" width="620" height="520" rx="120" fill="${c.raw('loop', '<pattern id="loop" width="18" height="18" patternUnits="userSpaceOnUse"><circle cx="9" cy="9" r="5" fill="#fff" opacity=".22"/></pattern>')}"/>`
  + '<rect x="40" y="300" width="620" height="60" fill="#fff" opacity=".3"/><rect x="140" y="90" width="90" height="120" rx="8" fill="#fff"/><rect x="160" y="120" width="50" height="8" rx="4" fill="#8fb0d3"/><rect x="160" y="140" width="36" height="8" rx="4" fill="#cfd8e3"/>'),
  c => lifestyle(c, 'home-living', shadow(c, 300, 520, 210, 22)
  + roll(c, 220, 350, 62, TOWELS[1]) + roll(c, 330, 345, 62, TOWELS[2]) + roll(c, 280, 400, 62, TOWELS[0]) + roll(c, 390, 405, 60, TOWELS[1])
  + `<path d="M130 390H470L440 515Q438 525 428 525H172Q162 525 160 515Z" fill="${c.lin('bsk', ['#d7b482', '#b88c55'])}"/><path d="M140 420H460M146 450H454M152 480H448" stroke="#9c7440" stroke-width="4" opacity=".6"/>`
  + plant(c, 520, 500, 0.9)),
]

function tumbler(c, x, y, s, id, dark, light) {
  return g(x, y, s, 0, `<rect x="-70" y="-150" width="140" height="320" rx="24" fill="${cyl(c, id, dark, light)}"/><rect x="-70" y="140" width="140" height="14" fill="#000" opacity=".08"/>`
    + `<rect x="-74" y="-212" width="148" height="66" rx="20" fill="${cyl(c, 'tl', '#c8ccd1', '#f4f6f8')}"/><rect x="-74" y="-156" width="148" height="10" fill="#3b3f45" opacity=".7"/><rect x="-22" y="-228" width="44" height="22" rx="11" fill="#dfe3e8"/>${hl(-44, 10, 9, 120, 0, 0.35)}`)
}

const steelVacuumTumbler = [
  c => studio(c, 'home-living', shadow(c, 300, 480, 160, 22) + tumbler(c, 390, 320, 0.8, 'tp', '#e7a9b4', '#fbdde2') + tumbler(c, 260, 300, 1, 'tg', '#7fa58c', '#c7e0cf')),
  c => closeup(c, 'home-living', `<rect x="160" y="170" width="280" height="460" rx="44" fill="${cyl(c, 'tg', '#7fa58c', '#c7e0cf')}"/><path d="M300 230H440V630H300Z" fill="#eef3f6"/>`
  + `<rect x="300" y="236" width="118" height="400" fill="${cyl(c, 'stl', '#9aa3ad', '#eef1f4')}"/><rect x="300" y="250" width="106" height="390" fill="${c.lin('tea', ['#f0b465', '#c46f2a'])}"/><path d="M426 236V630" stroke="#b9c3cc" stroke-width="4" stroke-dasharray="10 8"/><rect x="428" y="230" width="12" height="400" fill="#7fa58c"/>`
  + '<path d="M330 560C350 520 320 480 340 440M370 560C390 520 360 480 380 440" stroke="#fff" stroke-width="7" fill="none" opacity=".45" stroke-linecap="round"/>'
  + `<rect x="152" y="92" width="296" height="92" rx="30" fill="${cyl(c, 'tl', '#c8ccd1', '#f4f6f8')}"/><rect x="152" y="170" width="296" height="16" fill="#3b3f45" opacity=".8"/><rect x="260" y="70" width="80" height="30" rx="15" fill="#dfe3e8"/>`
  + `<circle cx="230" cy="400" r="50" fill="#fff" opacity=".9"/>${label(230, 412, 32, '316', '#5f8a6e')}${hl(190, 300, 12, 140, 0, 0.3)}`),
  c => lifestyle(c, 'home-living', '<rect x="60" y="440" width="260" height="30" rx="4" fill="#4b6584"/><rect x="70" y="412" width="240" height="30" rx="4" fill="#e8a87c"/><rect x="64" y="384" width="250" height="30" rx="4" fill="#f6f1e7"/>'
  + shadow(c, 420, 515, 100, 16) + tumbler(c, 420, 380, 0.8, 'tg', '#7fa58c', '#c7e0cf') + plant(c, 190, 384, 0.9)),
]

function diffuser(c, x, y, s) {
  const sticks = [[-120, -330], [-50, -370], [20, -380], [90, -355], [140, -300]]
    .map(([sx, sy]) => `<path d="M0 -100L${sx} ${sy}" stroke="#8a6a45" stroke-width="7" stroke-linecap="round"/>`).join('')
  return g(x, y, s, 0, sticks + `<rect x="-95" y="-95" width="190" height="200" rx="44" fill="#fff" opacity=".45"/><path d="M-95 -10H95V61Q95 105 51 105H-51Q-95 105 -95 61Z" fill="#f1dfae" opacity=".85"/>`
    + `<rect x="-95" y="-95" width="190" height="200" rx="44" fill="none" stroke="#fff" stroke-width="5"/><rect x="-30" y="-128" width="60" height="36" rx="6" fill="#2a2a2a"/>`
    + `<rect x="-50" y="-4" width="100" height="70" rx="6" fill="#fff"/>${leaf(c, -22, 36, 44, -45, true)}<path d="M10 20H36M10 34H30" stroke="#9aa0a6" stroke-width="4" stroke-linecap="round"/>${hl(-70, -30, 8, 40, 0, 0.7)}`)
}
const flower = (c, x, y, s) => g(x, y, s, 0, '<g fill="#fffdf6" stroke="#eadfc4" stroke-width="1.5">' + [0, 72, 144, 216, 288].map(a => `<ellipse cx="0" cy="-14" rx="9" ry="15" transform="rotate(${a})"/>`).join('') + '</g><circle r="6" fill="#f2c94c"/>')

const whiteTeaReedDiffuser = [
  c => studio(c, 'home-living', shadow(c, 300, 500, 150, 22) + diffuser(c, 300, 390, 1) + flower(c, 440, 470, 1.2) + flower(c, 475, 490, 0.9)),
  c => closeup(c, 'home-living', g(300, 660, 2.1, 0, `<rect x="-95" y="-95" width="190" height="200" rx="44" fill="#fff" opacity=".45"/><path d="M-95 -10H95V100H-95Z" fill="#f1dfae" opacity=".85"/><rect x="-95" y="-95" width="190" height="200" rx="44" fill="none" stroke="#fff" stroke-width="4"/><rect x="-30" y="-128" width="60" height="36" rx="6" fill="#2a2a2a"/>${hl(-70, -40, 6, 30, 0, 0.8)}`)
  + '<path d="M300 420L120 40M300 420L250 10M300 420L370 10M300 420L480 60" stroke="#8a6a45" stroke-width="14" stroke-linecap="round"/>'
  + flower(c, 130, 300, 2.4) + flower(c, 470, 300, 2) + flower(c, 520, 420, 1.5)),
  c => lifestyle(c, 'home-living', '<rect x="80" y="450" width="200" height="28" rx="4" fill="#7a8fa6"/><rect x="92" y="424" width="180" height="28" rx="4" fill="#f6f1e7"/>'
  + shadow(c, 180, 440, 70, 10) + diffuser(c, 180, 374, 0.5) + shadow(c, 410, 505, 60, 12) + flower(c, 400, 495, 1) + plant(c, 440, 500, 1.1)),
]

function sunTube(c, x, y, s, rot = 0) {
  return g(x, y, s, rot, `<path d="M-62 110C-66 20 -80 -100 -82 -160H82C80 -100 66 20 62 110Z" fill="${cyl(c, 'tube', '#e4e7ea', '#ffffff')}"/><rect x="-86" y="-188" width="172" height="30" rx="4" fill="#eef0f2"/><path d="M-70 -186V-160M-50 -186V-160M-30 -186V-160M-10 -186V-160M10 -186V-160M30 -186V-160M50 -186V-160M70 -186V-160" stroke="#cfd4d9" stroke-width="3"/>`
    + `<rect x="-64" y="106" width="128" height="66" rx="16" fill="${cyl(c, 'cap', '#e6761d', '#ffa14d')}"/><circle cx="0" cy="-50" r="34" fill="#ff9a2e"/><g stroke="#ff9a2e" stroke-width="6" stroke-linecap="round">${[0, 45, 90, 135, 180, 225, 270, 315].map(a => `<path d="M${n(44 * Math.cos(a * Math.PI / 180))} ${n(-50 + 44 * Math.sin(a * Math.PI / 180))}L${n(56 * Math.cos(a * Math.PI / 180))} ${n(-50 + 56 * Math.sin(a * Math.PI / 180))}"/>`).join('')}</g>`
    + `${label(0, 40, 24, 'SPF50+', '#e6761d')}${hl(-48, -30, 7, 90, 2, 0.8)}`)
}
const dollop = (c, x, y, s) => g(x, y, s, 0, '<path d="M-80 30C-90 0 -50 -20 -30 -10C-30 -40 10 -50 20 -24C40 -50 80 -30 70 0C100 10 90 40 60 40H-60C-80 40 -84 36 -80 30Z" fill="#fff"/><path d="M-40 10C-10 0 20 0 50 16" stroke="#e8eef4" stroke-width="5" fill="none"/>')

const clearSunscreen = [
  c => studio(c, 'beauty-care', shadow(c, 300, 475, 150, 22) + sunTube(c, 300, 300, 1) + dollop(c, 430, 460, 0.7)),
  c => closeup(c, 'beauty-care', sunTube(c, 140, 460, 1.6, 120) + dollop(c, 380, 380, 2.4)),
  c => lifestyle(c, 'beauty-care', '<rect y="430" width="600" height="170" fill="#f4e3c3"/><path d="M80 470L520 450L560 600H40Z" fill="#7fc8e0"/><path d="M95 490L525 472M120 530L540 515" stroke="#fff" stroke-width="12" opacity=".7"/>'
  + shadow(c, 260, 520, 140, 14) + sunTube(c, 260, 475, 0.55, -80)
  + '<g transform="translate(450 480) rotate(-8)"><circle cx="-40" cy="0" r="34" fill="#2a2f3a"/><circle cx="40" cy="0" r="34" fill="#2a2f3a"/><path d="M-8 -6Q0 -14 8 -6" stroke="#2a2f3a" stroke-width="7" fill="none"/><ellipse cx="-50" cy="-10" rx="10" ry="6" fill="#fff" opacity=".3"/></g>'),
]

function maskSachet(c, x, y, s, rot) {
  const zig = (dir, yy, d) => Array.from({ length: 12 }, (_, i) => `L${dir * (-66 + i * 12)} ${yy + (i % 2 ? d : 0)}`).join('')
  return g(x, y, s, rot, `<path d="M-72 -110${zig(1, -110, 6)}L72 -110V110${zig(-1, 110, -6)}L-72 110Z" fill="${c.lin('msk', ['#9bd9ef', '#4aa7d6'])}"/><path d="M0 -54C24 -20 34 0 34 16A34 34 0 0 1 -34 16C-34 0 -24 -20 0 -54Z" fill="#fff"/>${hl(-10, 6, 7, 12, 0, 0.9)}<rect x="-40" y="66" width="80" height="8" rx="4" fill="#fff" opacity=".7"/>`)
}

const hyaluronicSheetMask = [
  c => studio(c, 'beauty-care', shadow(c, 300, 485, 210, 24)
  + '<path d="M140 170L170 145H370L340 170Z" fill="#def2f9"/><path d="M340 170L370 145V425L340 450Z" fill="#8fc7e2"/>'
  + `<rect x="140" y="170" width="200" height="280" fill="${c.lin('mbox', ['#ffffff', '#cdeaf6'])}"/><path d="M240 220C270 260 285 290 285 312A45 45 0 0 1 195 312C195 290 210 260 240 220Z" fill="#4aa7d6"/>${label(240, 410, 28, 'HYDRA', '#4aa7d6')}`
  + maskSachet(c, 370, 380, 0.85, 12) + maskSachet(c, 450, 400, 0.8, 26)),
  c => closeup(c, 'beauty-care', '<path d="M300 70C420 70 480 170 475 290C470 420 390 540 300 545C210 540 130 420 125 290C120 170 180 70 300 70Z" fill="#fff" opacity=".92"/>'
  + `<g fill="${c.lin('bg', PALETTE['beauty-care'].deep, 0, 0, 1, 1)}"><ellipse cx="230" cy="260" rx="44" ry="20"/><ellipse cx="370" cy="260" rx="44" ry="20"/><path d="M290 300Q300 360 310 300Z"/><ellipse cx="300" cy="440" rx="50" ry="18"/></g>`
  + '<path d="M300 72C240 120 200 200 190 300" stroke="#e9eef3" stroke-width="6" fill="none"/><g fill="#bfe6f6"><path d="M90 120c8 14 12 20 12 26a12 12 0 0 1-24 0c0-6 4-12 12-26z"/><path d="M520 470c8 14 12 20 12 26a12 12 0 0 1-24 0c0-6 4-12 12-26z"/><path d="M510 140c6 10 9 15 9 19a9 9 0 0 1-18 0c0-4 3-9 9-19z"/></g>'),
  c => lifestyle(c, 'beauty-care', shadow(c, 300, 515, 180, 18) + maskSachet(c, 250, 400, 0.95, -8) + maskSachet(c, 360, 420, 0.9, 10)
  + '<g fill="#9bd9ef"><path d="M480 470c8 14 12 20 12 26a12 12 0 0 1-24 0c0-6 4-12 12-26z"/><path d="M515 500c6 10 9 15 9 19a9 9 0 0 1-18 0c0-4 3-9 9-19z"/></g>' + flower(c, 120, 500, 1.4)),
]

function lipBalm(c, x, y, s, id, cap, open = false) {
  const body = `<rect x="-28" y="-20" width="56" height="150" rx="10" fill="${cyl(c, 'lb', '#e3e6ea', '#ffffff')}"/><rect x="-28" y="90" width="56" height="12" fill="${cap}" opacity=".7"/>`
  const top = open
    ? `<rect x="-22" y="-60" width="44" height="44" fill="${cyl(c, 'bal', '#f2b6a4', '#ffe1d6')}"/><path d="M-22 -60V-80Q-22 -100 0 -106Q22 -96 22 -76V-60Z" fill="#ffd2c2"/>${hl(-10, -70, 4, 14, 0, 0.8)}`
    : `<rect x="-30" y="-120" width="60" height="104" rx="10" fill="${cyl(c, id, cap, '#fff')}"/>`
  return g(x, y, s, 0, `${body}${top}<rect x="-30" y="-22" width="60" height="8" rx="3" fill="#d4d8dd"/>${hl(-16, 50, 4, 50, 0, 0.7)}`)
}

const moistureLipBalm = [
  c => studio(c, 'beauty-care', shadow(c, 300, 470, 170, 22)
  + lipBalm(c, 200, 340, 1, 'l1', '#8ec5e8') + lipBalm(c, 300, 330, 1.05, 'l2', '#f39bb0', true) + lipBalm(c, 400, 340, 1, 'l3', '#7fd1b0')
  + g(440, 460, 0.8, 80, `<rect x="-30" y="-120" width="60" height="104" rx="10" fill="${cyl(c, 'l2', '#f39bb0', '#fff')}"/>`)),
  c => closeup(c, 'beauty-care', shadow(c, 300, 470, 230, 26) + g(240, 330, 2, -60, lipBalm(c, 0, 0, 1, 'l2', '#f39bb0', true))
  + g(440, 420, 1.7, -20, `<rect x="-30" y="-120" width="60" height="104" rx="10" fill="${cyl(c, 'l2', '#f39bb0', '#fff')}"/>`)
  + peach(c, 470, 170, 1.1) + leaf(c, 120, 480, 90, -30, true) + leaf(c, 120, 480, 80, -80)),
  c => lifestyle(c, 'beauty-care', shadow(c, 300, 520, 200, 18)
  + lipBalm(c, 230, 330, 0.8, 'l1', '#8ec5e8') + lipBalm(c, 300, 320, 0.8, 'l2', '#f39bb0') + lipBalm(c, 370, 335, 0.8, 'l3', '#7fd1b0')
  + `<path d="M120 380H480L460 505Q458 520 440 520H160Q142 520 140 505Z" fill="${c.lin('pouch', ['#f6b8c8', '#e68aa4'])}"/><path d="M120 380H480" stroke="#c86a86" stroke-width="8"/><rect x="420" y="380" width="14" height="40" rx="6" fill="#c9a25a"/>`),
]

function pumpBottle(c, x, y, s) {
  return g(x, y, s, 0, `<rect x="-12" y="-210" width="24" height="70" fill="#e8eef0"/><path d="M-26 -232H50Q66 -232 66 -222V-214H-26Z" fill="${c.lin('pmp', ['#ffffff', '#d8e0e4'])}"/><rect x="-26" y="-232" width="52" height="28" rx="6" fill="#f4f7f8"/><rect x="-34" y="-150" width="68" height="32" rx="6" fill="#d8e0e4"/>`
    + `<rect x="-86" y="-124" width="172" height="300" rx="44" fill="${cyl(c, 'shp', '#cfe3e2', '#ffffff')}"/><rect x="-86" y="-10" width="172" height="120" fill="#2bb3a3"/>`
    + `${leaf(c, -50, 40, 50, -40)}${leaf(c, -50, 40, 40, 20, true)}${label(20, 62, 26, 'AMINO')}${hl(-60, -40, 8, 80, 0, 0.6)}`)
}
const foam = (c, x, y, s) => g(x, y, s, 0, '<g fill="#fff" stroke="#d3e4ea" stroke-width="2"><circle cx="0" cy="0" r="30"/><circle cx="38" cy="10" r="22"/><circle cx="-30" cy="14" r="20"/><circle cx="14" cy="-26" r="18"/><circle cx="60" cy="-14" r="12"/></g>')

const aminoAcidShampoo = [
  c => studio(c, 'beauty-care', shadow(c, 300, 480, 170, 22) + pumpBottle(c, 280, 300, 1) + foam(c, 430, 450, 1)),
  c => closeup(c, 'beauty-care', pumpBottle(c, 260, 600, 2) + foam(c, 450, 250, 2) + foam(c, 120, 150, 1.2)),
  c => lifestyle(c, 'beauty-care', `<rect width="600" height="430" fill="${c.raw('tile', '<pattern id="tile" width="75" height="75" patternUnits="userSpaceOnUse"><rect width="75" height="75" fill="#eaf3f3"/><path d="M0 0H75V75" fill="none" stroke="#fff" stroke-width="4"/></pattern>')}"/>`
  + '<path d="M380 0H560L420 430H240Z" fill="#fff" opacity=".3"/>'
  + shadow(c, 300, 512, 130, 14) + pumpBottle(c, 300, 330, 0.8) + foam(c, 160, 500, 0.8) + plant(c, 470, 505, 1)),
]

function toothbrush(c, x, y, s, rot = 0) {
  return g(x, y, s, rot, `<path d="M-34 -70C-34 -90 -16 -96 -12 -120L-8 -250H8L12 -120C16 -96 34 -90 34 -70V200Q34 222 0 224Q-34 222 -34 200Z" fill="${cyl(c, 'tb', '#1f2126', '#4a4e57')}"/>`
    + '<rect x="-17" y="-318" width="34" height="78" rx="16" fill="#3a3d44"/><g fill="#e9f5ff">' + [0, 1, 2, 3, 4].map(i => `<rect x="-12" y="${-310 + i * 14}" width="24" height="10" rx="5"/>`).join('') + '</g>'
    + '<circle cx="0" cy="0" r="16" fill="#c9a25a"/><circle cx="0" cy="-40" r="4" fill="#7fd4ff"/><circle cx="0" cy="-54" r="4" fill="#7fd4ff"/><circle cx="0" cy="-68" r="4" fill="#4a4e57"/>'
    + hl(-20, 80, 5, 100, 0, 0.25))
}

const sonicToothbrush = [
  c => studio(c, 'beauty-care', shadow(c, 300, 500, 110, 18) + `<ellipse cx="300" cy="478" rx="80" ry="22" fill="#2a2c31"/><rect x="220" y="460" width="160" height="20" fill="#2a2c31"/><ellipse cx="300" cy="460" rx="80" ry="22" fill="#3a3d44"/>`
  + toothbrush(c, 300, 286, 0.8) + g(420, 450, 0.6, 0, '<rect x="-17" y="-78" width="34" height="78" rx="16" fill="#3a3d44"/><rect x="-8" y="0" width="16" height="60" rx="8" fill="#3a3d44"/><g fill="#e9f5ff"><rect x="-12" y="-70" width="24" height="10" rx="5"/><rect x="-12" y="-56" width="24" height="10" rx="5"/><rect x="-12" y="-42" width="24" height="10" rx="5"/><rect x="-12" y="-28" width="24" height="10" rx="5"/></g>')),
  c => closeup(c, 'beauty-care', g(300, 360, 1, -35, '<rect x="-400" y="-40" width="560" height="80" rx="40" fill="#3a3d44"/><rect x="120" y="-60" width="230" height="120" rx="56" fill="#3a3d44"/>'
  + '<g fill="#f4fbff">' + [0, 1, 2, 3, 4, 5].map(i => `<rect x="${140 + i * 34}" y="-140" width="24" height="84" rx="6"/>`).join('') + '</g>'
  + '<path d="M140 -150C180 -190 220 -140 260 -175S330 -160 350 -150" stroke="#fff" stroke-width="34" fill="none" stroke-linecap="round"/><path d="M150 -160C190 -190 225 -150 262 -180" stroke="#56c2ff" stroke-width="10" fill="none" stroke-linecap="round"/>')),
  c => lifestyle(c, 'beauty-care', `<rect width="600" height="430" fill="${c.raw('tile', '<pattern id="tile" width="75" height="75" patternUnits="userSpaceOnUse"><rect width="75" height="75" fill="#f6eef0"/><path d="M0 0H75V75" fill="none" stroke="#fff" stroke-width="4"/></pattern>')}"/>`
  + shadow(c, 260, 515, 90, 14) + toothbrush(c, 240, 310, 0.8, -10)
  + `<path d="M190 360H330L318 500Q316 515 300 515H220Q204 515 202 500Z" fill="#fff" opacity=".75"/><path d="M190 360H330" stroke="#fff" stroke-width="6"/>${hl(212, 430, 6, 50, 0, 0.8)}`
  + shadow(c, 440, 512, 90, 12) + `<rect x="360" y="470" width="170" height="44" rx="22" fill="${c.lin('case', ['#4a4e57', '#2a2c31'])}"/>`),
]

function plug(c, x, y, s, rot) {
  return g(x, y, s, rot, `<rect x="0" y="-20" width="74" height="40" rx="12" fill="${c.lin('plg', ['#f2f4f8', '#b9c0cc'])}"/><rect x="72" y="-11" width="34" height="22" rx="8" fill="${c.lin('tip', ['#e6e9ee', '#9aa3b0'])}"/><rect x="80" y="-5" width="20" height="10" rx="4" fill="#3b4150"/>`)
}
/** Braided cable seen from above, wound into a loose coil and held by a strap. */
function cableCoil(c, x, y, s) {
  let loops = ''
  for (let i = 0; i < 4; i++) {
    const rx = 140 - i * 10, ry = 120 - i * 9, dx = i * 8, dy = i * 5
    loops += `<ellipse cx="${dx}" cy="${dy}" rx="${rx}" ry="${ry}" fill="none" stroke="#3b4a6b" stroke-width="18"/><ellipse cx="${dx}" cy="${dy}" rx="${rx}" ry="${ry}" fill="none" stroke="#7486ad" stroke-width="6" stroke-dasharray="5 7"/>`
  }
  return g(x, y, s, 0, `${loops}<rect x="-160" y="-34" width="70" height="68" rx="12" fill="#f5a623"/><path d="M-150 -20H-100M-150 0H-100M-150 20H-100" stroke="#d98a0f" stroke-width="4"/>`)
}

const usbCFastCable = [
  c => studio(c, 'digital-accessories', shadow(c, 300, 460, 220, 30) + cableCoil(c, 290, 300, 1)
  + '<g fill="none" stroke-linecap="round"><path d="M380 380C400 430 330 450 300 470M420 330C470 380 470 430 440 450" stroke="#3b4a6b" stroke-width="18"/><path d="M380 380C400 430 330 450 300 470M420 330C470 380 470 430 440 450" stroke="#7486ad" stroke-width="6" stroke-dasharray="5 7"/></g>'
  + plug(c, 300, 470, 1.2, 160) + plug(c, 440, 450, 1.2, 100)),
  c => closeup(c, 'digital-accessories', '<path d="M-20 520C120 520 160 420 220 380" stroke="#3b4a6b" stroke-width="60" fill="none"/><path d="M-20 520C120 520 160 420 220 380" stroke="#7486ad" stroke-width="18" stroke-dasharray="12 18" fill="none"/>'
  + g(200, 390, 3.4, -35, `<rect x="0" y="-20" width="74" height="40" rx="12" fill="${c.lin('plg', ['#f2f4f8', '#b9c0cc'])}"/><rect x="72" y="-11" width="34" height="22" rx="8" fill="${c.lin('tip', ['#e6e9ee', '#9aa3b0'])}"/><rect x="105" y="-9" width="4" height="18" rx="2" fill="#7a8394"/><rect x="80" y="-5" width="20" height="10" rx="4" fill="#3b4150"/><rect x="84" y="-1.5" width="12" height="3" rx="1.5" fill="#d9b75f"/>`)),
  c => lifestyle(c, 'digital-accessories', shadow(c, 250, 510, 130, 14) + g(250, 470, 1, 0, '<rect x="-110" y="-34" width="220" height="68" rx="16" fill="#23262d"/>')
  + phone(c, 250, 300, 0.9) + '<path d="M250 440V470" stroke="none"/><path d="M250 438C250 500 420 520 470 470S520 400 560 400" stroke="#3b4a6b" stroke-width="12" fill="none" stroke-linecap="round"/>'
  + plug(c, 250, 432, 0.55, -90) + plant(c, 470, 470, 0.8)),
]

function powerBank(c, x, y, s, rot = 0) {
  return g(x, y, s, rot, '<rect x="-92" y="-188" width="210" height="370" rx="36" fill="#9aa2b5"/>'
    + `<rect x="-118" y="-172" width="210" height="370" rx="36" fill="${c.lin('pb', ['#ffffff', '#dfe3ec'], 0, 0, 1, 1)}"/><rect x="-60" y="-188" width="60" height="14" rx="7" fill="#2d3240" transform="translate(0 8)"/>`
    + '<g fill="#2fd06b"><circle cx="-50" cy="150" r="7"/><circle cx="-26" cy="150" r="7"/><circle cx="-2" cy="150" r="7"/></g><circle cx="22" cy="150" r="7" fill="#c8cdd8"/>'
    + `<path d="M-16 -40L-44 8H-18L-26 48L6 -4H-20Z" fill="#07c160"/>${hl(-95, -40, 6, 100, 0, 0.7)}`)
}

const powerBank20000 = [
  c => studio(c, 'digital-accessories', shadow(c, 300, 505, 160, 22) + powerBank(c, 300, 310, 1)),
  c => closeup(c, 'digital-accessories', g(300, 420, 1, 0, '<rect x="-260" y="-200" width="520" height="500" rx="80" fill="#9aa2b5"/>'
  + `<rect x="-280" y="-170" width="520" height="500" rx="80" fill="${c.lin('pb', ['#ffffff', '#dfe3ec'], 0, 0, 1, 1)}"/><rect x="-200" y="-202" width="130" height="32" rx="16" fill="#2d3240"/><rect x="-10" y="-206" width="150" height="36" rx="4" fill="#2d3240"/><rect x="10" y="-198" width="110" height="10" fill="#4b8cf0"/>`
  + '<g fill="#2fd06b"><circle cx="-160" cy="40" r="18"/><circle cx="-100" cy="40" r="18"/><circle cx="-40" cy="40" r="18"/></g><circle cx="20" cy="40" r="18" fill="#c8cdd8"/><circle cx="-160" cy="40" r="34" fill="#2fd06b" opacity=".18"/>')),
  c => lifestyle(c, 'digital-accessories', shadow(c, 220, 515, 110, 14) + powerBank(c, 220, 370, 0.72) + shadow(c, 420, 515, 90, 12) + phone(c, 420, 380, 0.85, 8)
  + '<path d="M200 240C200 180 300 170 340 220S420 250 420 250" stroke="#3b4a6b" stroke-width="10" fill="none" stroke-linecap="round"/>'),
]

/** One bud in profile: silicone ear tip on the left, round shell, stem down. */
function budShape(c, x, y, s, rot, flip = false) {
  c.sym('earbud', `<path d="M-52 -40C-70 -34 -72 -4 -56 6L-30 -8V-34Z" fill="${c.lin('etip', ['#c9ced8', '#8e96a6'])}"/><rect x="-10" y="0" width="30" height="130" rx="15" fill="${cyl(c, 'bud', '#d6dae3', '#ffffff')}"/><ellipse cx="0" cy="-10" rx="46" ry="44" fill="${c.rad('budh', ['#ffffff', '#dfe3ea'], 0.4, 0.35, 0.65)}"/><rect x="8" y="-30" width="26" height="8" rx="4" fill="#2d3240"/><rect x="0" y="96" width="10" height="22" rx="5" fill="#c7cdd8"/>${hl(-14, -28, 12, 8, -20, 0.9)}`)
  return `<use href="#earbud" transform="${tf(x, y, 1, rot)} scale(${flip ? -s : s} ${s})"/>`
}
function earbudCase(c, x, y, s) {
  return g(x, y, s, 0, `<rect x="-130" y="-100" width="260" height="200" rx="80" fill="${c.lin('case', ['#ffffff', '#d3d8e2'])}"/><path d="M-128 -30H128" stroke="#bfc6d2" stroke-width="4"/><rect x="-130" y="-100" width="260" height="70" rx="60" fill="#fff" opacity=".5"/><circle cx="0" cy="20" r="7" fill="#2fd06b"/><rect x="-20" y="-36" width="40" height="6" rx="3" fill="#c2c8d4"/>${hl(-96, 10, 8, 40, 0, 0.8)}`)
}

const ancWirelessEarbuds = [
  c => studio(c, 'digital-accessories', shadow(c, 300, 480, 220, 24) + earbudCase(c, 230, 390, 0.95) + budShape(c, 410, 320, 0.95, -8) + budShape(c, 490, 335, 0.95, 8, true)),
  c => closeup(c, 'digital-accessories', '<g fill="none" stroke="#fff" stroke-width="10" stroke-linecap="round"><path d="M150 140A200 200 0 0 0 150 420" opacity=".7"/><path d="M100 100A260 260 0 0 0 100 460" opacity=".45"/><path d="M50 60A320 320 0 0 0 50 500" opacity=".25"/></g>'
  + budShape(c, 360, 250, 3.4, -15)),
  c => lifestyle(c, 'digital-accessories', shadow(c, 230, 505, 130, 16) + earbudCase(c, 230, 430, 0.65) + budShape(c, 360, 470, 0.45, -80) + budShape(c, 400, 486, 0.45, -100)
  + phone(c, 480, 370, 0.75, 6, 'none') + '<g fill="#07c160"><rect x="446" y="340" width="70" height="10" rx="5"/></g><g fill="#fff" opacity=".6"><rect x="454" y="360" width="8" height="30" rx="4"/><rect x="468" y="350" width="8" height="50" rx="4"/><rect x="482" y="356" width="8" height="38" rx="4"/><rect x="496" y="364" width="8" height="22" rx="4"/></g>'),
]

function ganCharger(c, x, y, s, prongs = true) {
  return g(x, y, s, 0, (prongs ? '<rect x="-44" y="-190" width="22" height="80" rx="6" fill="#c3c9d3"/><rect x="30" y="-190" width="22" height="80" rx="6" fill="#c3c9d3"/>' : '')
    + '<path d="M-110 -110L-80 -140H130L100 -110Z" fill="#f5f6fa"/><path d="M100 -110L130 -140V100L100 130Z" fill="#bfc5d2"/>'
    + `<rect x="-110" y="-110" width="210" height="240" rx="22" fill="${c.lin('gan', ['#ffffff', '#e2e6ee'], 0, 0, 1, 1)}"/>`
    + '<g fill="#2d3240"><rect x="-60" y="-40" width="22" height="70" rx="11"/><rect x="-16" y="-40" width="22" height="70" rx="11"/><rect x="30" y="-45" width="24" height="80" rx="3"/></g><rect x="37" y="-35" width="10" height="60" fill="#4b8cf0"/>'
    + `${label(-5, 90, 24, '65W', '#9aa2b5')}${hl(-88, 0, 5, 80, 0, 0.8)}`)
}

const ganCharger65w = [
  c => studio(c, 'digital-accessories', shadow(c, 300, 470, 170, 24) + ganCharger(c, 290, 330, 1.1)),
  c => closeup(c, 'digital-accessories', g(300, 300, 1, 0, `<rect x="-280" y="-260" width="560" height="620" rx="60" fill="${c.lin('gan', ['#ffffff', '#e2e6ee'], 0, 0, 1, 1)}"/>`
  + '<g fill="#2d3240"><rect x="-200" y="-140" width="70" height="230" rx="35"/><rect x="-70" y="-140" width="70" height="230" rx="35"/><rect x="60" y="-150" width="90" height="250" rx="8"/></g><rect x="85" y="-120" width="40" height="190" fill="#4b8cf0"/><g fill="#d9b75f"><rect x="-170" y="-100" width="10" height="150" rx="5"/><rect x="-40" y="-100" width="10" height="150" rx="5"/></g>')),
  c => lifestyle(c, 'digital-accessories', '<rect x="160" y="150" width="220" height="220" rx="30" fill="#fff"/><rect x="160" y="150" width="220" height="220" rx="30" fill="none" stroke="#d3d8e3" stroke-width="4"/>'
  + shadow(c, 270, 370, 100, 12) + ganCharger(c, 270, 260, 0.7, false)
  + '<path d="M252 280C250 400 300 440 330 470S380 520 380 600" stroke="#f4f6fa" stroke-width="12" fill="none" stroke-linecap="round"/><path d="M252 280C250 400 300 440 330 470S380 520 380 600" stroke="#d3d8e3" stroke-width="2" fill="none"/>'
  + plug(c, 252, 282, 0.6, 90) + plant(c, 500, 470, 0.9)),
]

const PRODUCTS = {
  'yunnan-blueberry': yunnanBlueberry,
  'hainan-guifei-mango': hainanGuifeiMango,
  'yantai-fuji-apple': yantaiFujiApple,
  'chile-cherry-jj': chileCherry,
  'zhouzhi-kiwi': zhouzhiKiwi,
  'daily-mixed-nuts': dailyMixedNuts,
  'cold-brew-coffee': coldBrewCoffee,
  'white-peach-oolong': whitePeachOolong,
  'lime-sparkling-water': limeSparklingWater,
  'inner-mongolia-beef-jerky': innerMongoliaBeefJerky,
  'log-pulp-tissue': logPulpTissue,
  'laundry-pods': laundryPods,
  'cotton-towel-set': cottonTowelSet,
  'steel-vacuum-tumbler': steelVacuumTumbler,
  'white-tea-reed-diffuser': whiteTeaReedDiffuser,
  'clear-sunscreen-spf50': clearSunscreen,
  'hyaluronic-sheet-mask': hyaluronicSheetMask,
  'moisture-lip-balm': moistureLipBalm,
  'amino-acid-shampoo': aminoAcidShampoo,
  'sonic-toothbrush': sonicToothbrush,
  'usb-c-fast-cable': usbCFastCable,
  'power-bank-20000': powerBank20000,
  'anc-wireless-earbuds': ancWirelessEarbuds,
  'gan-charger-65w': ganCharger65w,
}

function render(view) {
  const c = canvas()
  const body = view(c)
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600" width="600" height="600"><defs>${c.defs()}</defs>${body}</svg>\n`
}

const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#07c160"/>'
  + '<path d="M23 24V20a9 9 0 0 1 18 0v4" fill="none" stroke="#fff" stroke-width="4.5" stroke-linecap="round"/>'
  + '<path d="M14 24h36l-3 26a5 5 0 0 1-5 4.5H22a5 5 0 0 1-5-4.5Z" fill="#fff"/>'
  + '<path d="M25 34a7 7 0 0 0 14 0" fill="none" stroke="#07c160" stroke-width="4" stroke-linecap="round"/></svg>\n'

mkdirSync(OUT_DIR, { recursive: true })
for (const file of readdirSync(OUT_DIR)) {
  if (file.endsWith('.svg'))
    rmSync(join(OUT_DIR, file))
}
let count = 0, bytes = 0
for (const [slug, views] of Object.entries(PRODUCTS)) {
  views.forEach((view, i) => {
    const svg = render(view)
    writeFileSync(join(OUT_DIR, `${slug}-${i + 1}.svg`), svg)
    count++
    bytes += Buffer.byteLength(svg)
    if (svg.length > 6144)
      console.warn(`warning: ${slug}-${i + 1}.svg is ${svg.length} bytes (budget 6 KB)`)
  })
}
writeFileSync(FAVICON, FAVICON_SVG)
console.log(`wrote ${count} product images (${(bytes / 1024).toFixed(1)} KB) and favicon.svg`)
