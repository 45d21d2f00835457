import { Type, type TSchema } from 'typebox'

// One shape for every paged list the API answers (products, orders): the query's page fields and
// the answer around the items.

/** `page` and `pageSize` of a list query: page 1 of 10 unless asked otherwise, at most 50 a page. */
export const PageQueryFields = {
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
}

/** `{ items, page, pageSize, total, hasMore }` around `item`. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
    total: Type.Integer({ minimum: 0 }),
    hasMore: Type.Boolean(),
  })
}
