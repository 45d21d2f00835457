import { createGroupCommit, type RunInTransaction } from '../../db/group-commit'
import type { WechatMessageRepository } from '../../repositories/wechat-message-repository'

export type { RunInTransaction } from '../../db/group-commit'

// Every push is written twice (claimed, then finished): both writes go through the app's group
// commit (db/group-commit.ts), so a push is stored before it is answered and many pushes share one
// disk wait. The claim's unique-key loss is an answer (a duplicate), not a failure, so no SQL
// statement fails inside a shared transaction.

/** The push repository with its writes batched into shared transactions; reads go straight through. */
export function createGroupCommitMessages(messages: WechatMessageRepository, inTransaction: RunInTransaction): WechatMessageRepository {
  const group = createGroupCommit(inTransaction)
  return {
    ...messages,
    claim: message => group.run(({ wechatMessages }) => wechatMessages.claim(message)),
    finish: (dedupeKey, finished) => group.run(({ wechatMessages }) => wechatMessages.finish(dedupeKey, finished)),
  }
}
