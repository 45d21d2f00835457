// `pnpm bench:size`: gzip size of the JS and CSS the home route loads (entry + home page chunk and
// their static imports, read from vite's manifest), side by side with the whole build.
// Builds the SPA first unless --no-build is given. Goal: initial JS+CSS under 90 KB gzip.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { root } from '../scripts/lib.mjs'

// the JS-SDK issue's budget: no bigger than before the JS-SDK came (86.0 KB); its aim is 75 KB
const GOAL_KB = 86
const dist = join(root, 'apps/web/dist')
if (!process.argv.includes('--no-build'))
  execFileSync('pnpm', ['--filter', '@wxshop/web', 'run', 'build'], { cwd: root, stdio: 'inherit' })

const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
const entries = Object.values(manifest)
const entry = entries.find(chunk => chunk.isEntry)
const home = entries.find(chunk => /pages\/home\/HomePage\.vue$/.test(chunk.src ?? ''))
if (!entry || !home)
  throw new Error('manifest lacks the entry or the HomePage chunk: is build.manifest on and HomePage where routes.ts says?')

/** The files a chunk pulls in before it runs: itself, its CSS, and its static imports, recursively. */
function staticClosure(key, files = new Set()) {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file))
    return files
  files.add(chunk.file)
  for (const css of chunk.css ?? []) files.add(css)
  for (const imported of chunk.imports ?? []) staticClosure(imported, files)
  return files
}
const keyOf = chunk => Object.keys(manifest).find(key => manifest[key] === chunk)
const initial = staticClosure(keyOf(home), staticClosure(keyOf(entry)))

function listAssets(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listAssets(path) : [path]
  }).filter(path => /\.(js|css)$/.test(path))
}

function measure(files) {
  const rows = files.map((file) => {
    const bytes = readFileSync(join(dist, file))
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
  const sum = key => rows.reduce((total, row) => total + row[key], 0)
  return { rows, raw: sum('raw'), gzip: sum('gzip'), js: rows.filter(r => r.file.endsWith('.js')).reduce((t, r) => t + r.gzip, 0), css: rows.filter(r => r.file.endsWith('.css')).reduce((t, r) => t + r.gzip, 0) }
}

const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`
const initialSize = measure([...initial].sort())
const allSize = measure(listAssets(join(dist, 'assets')).map(path => relative(dist, path)).sort())

console.log('\nHome route, initial chunks:')
for (const row of initialSize.rows)
  console.log(`  ${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)} gzip`)
console.log('\n| build | files | JS gzip | CSS gzip | JS+CSS gzip | raw |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
console.log(`| home route, initial | ${initialSize.rows.length} | ${kb(initialSize.js)} | ${kb(initialSize.css)} | ${kb(initialSize.gzip)} | ${kb(initialSize.raw)} |`)
console.log(`| all chunks | ${allSize.rows.length} | ${kb(allSize.js)} | ${kb(allSize.css)} | ${kb(allSize.gzip)} | ${kb(allSize.raw)} |`)
const ok = initialSize.gzip <= GOAL_KB * 1024
console.log(`\ngoal: home route initial JS+CSS ≤ ${GOAL_KB} KB gzip → ${ok ? 'met' : 'NOT met'} (${kb(initialSize.gzip)})`)
