import { fileURLToPath } from 'node:url'
import { runTogether } from '../children-together'

/** The mock's Official Account (the API's mock-mode defaults in config.ts). */
export const APP_ID = 'wxa1b2c3d4e5f60718'
export const APP_SECRET = '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d'

const CHILD = fileURLToPath(new URL('./token-child.ts', import.meta.url))

/** Runs the token service in `count` processes started together, so their cold starts overlap. */
export async function tokenServiceInChildren(databaseUrl: string, mockUrl: string, count: number): Promise<unknown[]> {
  const outcomes = await runTogether(CHILD, [databaseUrl, mockUrl, APP_ID, APP_SECRET], count)
  return outcomes.map(({ code, report, stderr }) => {
    if (code !== 0 || report === null)
      throw new Error(`token child exited ${code}: ${stderr}`)
    return report
  })
}
