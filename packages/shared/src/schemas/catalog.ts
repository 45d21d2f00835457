import { Type, type Static } from 'typebox'
import { PageQueryFields, pageOf } from './paging'

const Id = Type.Integer({ minimum: 1 })
const Fen = Type.Integer({ minimum: 0, description: 'integer fen (1 yuan = 100 fen)' })

export const CategorySchema = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Type.String(),
  sortOrder: Type.Integer(),
})
export type Category = Static<typeof CategorySchema>

export const CategoryListSchema = Type.Object({ items: Type.Array(CategorySchema) })
export type CategoryList = Static<typeof CategoryListSchema>

/** What a product card needs; the list endpoint returns these. */
export const ProductSummarySchema = Type.Object({
  id: Id,
  categoryId: Id,
  name: Type.String(),
  subtitle: Type.String(),
  priceFen: Fen,
  originalPriceFen: Type.Union([Fen, Type.Null()], { description: 'struck-through price, null when none' }),
  stock: Type.Integer({ minimum: 0 }),
  sales: Type.Integer({ minimum: 0 }),
  coverImage: Type.String({ description: 'URL path of the cover image' }),
})
export type ProductSummary = Static<typeof ProductSummarySchema>

/** The detail page's product: the summary plus its description and gallery. */
// Spread rather than Type.Intersect: ajv's removeAdditional would strip each half's fields in allOf.
export const ProductSchema = Type.Object({
  ...ProductSummarySchema.properties,
  description: Type.String(),
  images: Type.Array(Type.String(), { minItems: 1 }),
})
export type Product = Static<typeof ProductSchema>

export const ProductListQuerySchema = Type.Object({
  categoryId: Type.Optional(Id),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'keyword matched against name and subtitle' })),
  ids: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,49}$', description: 'comma-separated ids (at most 50), e.g. to refresh cart prices' })),
  ...PageQueryFields,
})
export type ProductListQuery = Static<typeof ProductListQuerySchema>

export const ProductListSchema = pageOf(ProductSummarySchema)
export type ProductList = Static<typeof ProductListSchema>

export const ProductParamsSchema = Type.Object({ id: Id })
export type ProductParams = Static<typeof ProductParamsSchema>
