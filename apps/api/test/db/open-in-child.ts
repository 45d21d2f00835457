import { fileURLToPath } from 'node:url'
import { runTogether } from '../children-together'

export interface ChildResult {
  code: number | null
  applied: string[]
  seeded: boolean | null
  stderr: string
}

const SCRIPT = fileURLToPath(new URL('./open-database-child.ts', import.meta.url))

/** Runs migrate + seed in `count` processes started together (see runTogether). */
export async function openInChildren(databaseUrl: string, count: number): Promise<ChildResult[]> {
  const outcomes = await runTogether(SCRIPT, [databaseUrl], count)
  return outcomes.map(({ code, report, stderr }) => {
    const parsed = (report ?? { applied: [], seeded: null }) as { applied: string[], seeded: boolean | null }
    return { code, ...parsed, stderr }
  })
}
