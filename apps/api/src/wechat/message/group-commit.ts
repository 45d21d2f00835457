import type { Repositories } from '../../db/transaction'
import type { WechatMessageRepository } from '../../repositories/wechat-message-repository'

// Group commit for the push table. Every push is written twice (claimed, then finished), and each
// SQLite commit waits for the disk (fsync) on the one thread that serves every request: under load
// the commits, not the handler, were the endpoint's cost (bench:msgpush, docs/PERFORMANCE.md). The
// writes that arrive while one commit runs go out together in the next transaction: one disk wait
// for many pushes. Each write still resolves only after its own transaction committed, so a push is
// stored before it is answered, exactly as with one transaction per write.

type Work = (messages: WechatMessageRepository) => Promise<unknown>
interface Queued { work: Work, resolve: (value: unknown) => void, reject: (err: unknown) => void }

/** Runs `work` in one transaction (fastify.inTransaction). */
export type RunInTransaction = <T>(work: (repositories: Repositories) => Promise<T>) => Promise<T>

/** The push repository with its writes batched into shared transactions; reads go straight through. */
export function createGroupCommitMessages(messages: WechatMessageRepository, inTransaction: RunInTransaction): WechatMessageRepository {
  let queue: Queued[] = []
  let flushing = false

  async function flush(): Promise<void> {
    const batch = queue
    queue = []
    flushing = true
    const outcomes: Array<{ ok: true, value: unknown } | { ok: false, err: unknown }> = []
    try {
      await inTransaction(async ({ wechatMessages }) => {
        // one write's failure (the claim's own unique-key loss is no failure) is its own, not the batch's
        for (const { work } of batch) {
          try {
            outcomes.push({ ok: true, value: await work(wechatMessages) })
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
      // the commit failed: nothing of the batch is stored, so no write of it may be reported done
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

  function enqueue<T>(work: (messages: WechatMessageRepository) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (queue.length === 1 && !flushing)
        schedule()
    })
  }

  return {
    ...messages,
    claim: message => enqueue(repository => repository.claim(message)),
    finish: (dedupeKey, finished) => enqueue(repository => repository.finish(dedupeKey, finished)),
  }
}
