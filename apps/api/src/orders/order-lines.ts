import { sumFen, type OrderLineInput } from '@wxshop/shared'

/** What the catalog says about a product being bought: read from the products table, never from the request. */
export interface CatalogProduct {
  id: number
  name: string
  priceFen: number
  coverImage: string
}

/** A line as it is stored: the catalog's name, cover and price at order time. */
export interface PricedLine {
  productId: number
  name: string
  coverImage: string
  priceFen: number
  quantity: number
}

/** The first product asked for twice, or undefined: one line per product, so stock is reserved once per product. */
export function duplicateProduct(lines: ReadonlyArray<OrderLineInput>): number | undefined {
  const seen = new Set<number>()
  for (const line of lines) {
    if (seen.has(line.productId))
      return line.productId
    seen.add(line.productId)
  }
  return undefined
}

/**
 * The lines priced from the catalog (the only source of prices) and their total, or the id of a
 * product the catalog does not have. Quantities come from the request, already checked by the schema.
 */
export function priceLines(lines: ReadonlyArray<OrderLineInput>, catalog: ReadonlyMap<number, CatalogProduct>):
  { lines: PricedLine[], totalFen: number } | { missing: number } {
  const priced: PricedLine[] = []
  for (const { productId, quantity } of lines) {
    const product = catalog.get(productId)
    if (!product)
      return { missing: productId }
    priced.push({ productId, name: product.name, coverImage: product.coverImage, priceFen: product.priceFen, quantity })
  }
  return { lines: priced, totalFen: sumFen(priced) }
}
