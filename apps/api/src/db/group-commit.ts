import type { Transaction } from 'kysely'
import type { Database } from './schema'
import type { Repositories } from './transaction'

// Group commit. Each SQLite commit waits for the disk (fsync) on the one thread that serves every
// request, and under load the commits, not the work, were the cost of the message push and the pay
// notify (bench:msgpush, bench:pay-notify; docs/PERFORMANCE.md). The pieces of work that arrive while
// one commit runs go out together in the next transaction: one disk wait for many. Each piece still
// resolves only after its own transaction committed, so whatever a caller acknowledges is stored
// first, exactly as with one transaction each.
//
// A piece that throws fails alone: its error is its caller's, the others commit. So a piece must
// throw before it writes (check, then write), or write only what may stand without the rest of it;
// and no piece may rely on a failing SQL statement (PostgreSQL aborts the whole transaction then).

export type GroupWork<T> = (repositories: Repositories, trx: Transaction<Database>) => Promise<T>

/** Runs `work` in one transaction (fastify.inTransaction). */
export type RunInTransaction = <T>(work: GroupWork<T>) => Promise<T>

interface Queued { work: GroupWork<unknown>, resolve: (value: unknown) => void, reject: (err: unknown) => void }

/** `run(work)`: `work` in a transaction shared with the work queued beside it; resolves once committed. */
export function createGroupCommit(inTransaction: RunInTransaction) {
  let queue: Queued[] = []
  let flushing = false

  async function flush(): Promise<void> {
    const batch = queue
    queue = []
    flushing = true
    const outcomes: Array<{ ok: true, value: unknown } | { ok: false, err: unknown }> = []
    try {
      await inTransaction(async (repositories, trx) => {
        for (const { work } of batch) {
          try {
            outcomes.push({ ok: true, value: await work(repositories, trx) })
          } catch (err) {
            outcomes.push({ ok: false, err })
          }
        }
      })
      batch.forEach(({ resolve, reject }, at) => {
        const outcome = outcomes[at]!
        if (outcome.ok)
          resolve(outcome.value)
        else
          reject(outcome.err)
      })
    } catch (err) {
      // the commit failed: nothing of the batch is stored, so no piece of it may be reported done
      for (const { reject } of batch) reject(err)
    } finally {
      flushing = false
      if (queue.length > 0)
        schedule()
    }
  }

  function schedule(): void {
    // setImmediate: the requests read in this turn of the event loop join the batch
    setImmediate(() => void flush())
  }

  return {
    run<T>(work: GroupWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
        if (queue.length === 1 && !flushing)
          schedule()
      })
    },
  }
}

export type GroupCommit = ReturnType<typeof createGroupCommit>
