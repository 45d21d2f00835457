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
  // Node 24 LTS is the target runtime, and 20.19+ is still supported and tested (e2e runs this
  // bundle on the machine's Node 20): esbuild emits only syntax both parse, and fails the build,
  // rather than the server at start, if the source uses something it cannot lower for 20.19.
  target: ['node24', 'node20.19'],
  // `external: ['kysely']` also covers subpaths such as 'kysely/migration'.
  external,
  sourcemap: true,
  logLevel: 'info',
})
