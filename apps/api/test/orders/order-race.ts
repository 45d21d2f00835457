import { fileURLToPath } from 'node:url'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import type { Database } from '../../src/db/schema'
import { runTogether } from '../children-together'
import { addAccount, addProduct, stockOf } from './order-fixtures'

const SCRIPT = fileURLToPath(new URL('./order-race-child.ts', import.meta.url))

/**
 * Several API processes on one database buy one product's last units at the same moment (each
 * process tries `attempts` times): exactly `stock` orders exist afterwards, every other attempt was
 * refused as out of stock, and the stock ends at zero, never below.
 */
export async function expectProcessesShareTheLastUnits(db: Kysely<Database>, databaseUrl: string, options = { processes: 3, attempts: 4, stock: 5 }): Promise<void> {
  const accountId = await addAccount(db)
  const productId = await addProduct(db, { name: '最后几件', priceFen: 100, stock: options.stock })
  const outcomes = await runTogether(SCRIPT, [databaseUrl, String(accountId), String(productId), String(options.attempts)], options.processes)
  expect(outcomes.map(outcome => outcome.code), outcomes.map(outcome => outcome.stderr).join('\n')).toEqual(Array.from({ length: options.processes }, () => 0))
  const reports = outcomes.map(outcome => outcome.report as { created: number, refused: string[] })
  expect(reports.reduce((sum, report) => sum + report.created, 0)).toBe(options.stock)
  expect(reports.flatMap(report => report.refused)).toEqual(Array.from({ length: options.processes * options.attempts - options.stock }, () => 'out-of-stock'))
  expect(await stockOf(db, productId)).toBe(0)
  const lines = await db.selectFrom('order_items').select('quantity').where('product_id', '=', productId).execute()
  expect(lines).toHaveLength(options.stock)
}
