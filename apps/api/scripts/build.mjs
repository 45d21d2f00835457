// Bundles the API into dist/server.js for `node dist/server.js`.
// Workspace packages (@wxshop/*) export TypeScript source, so they are bundled and Node never loads
// a .ts file at run time. Every real dependency stays external and is loaded from node_modules:
// native ones (libsql, @node-rs/argon2) must, and the rest keep the bundle small and readable.
import { readFile, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const pkg = JSON.parse(await readFile(`${packageDir}/package.json`, 'utf8'))
const external = Object.keys(pkg.dependencies ?? {}).filter(name => !name.startsWith('@wxshop/'))

await rm(`${packageDir}/dist`, { recursive: true, force: true })
await build({
  absWorkingDir: packageDir,
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // `external: ['kysely']` also covers subpaths such as 'kysely/migration'.
  external,
  sourcemap: true,
  logLevel: 'info',
})
