import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, ProductListQuerySchema, ProductListSchema, ProductParamsSchema, ProductSchema } from '@wxshop/shared'
import { notFound } from '../errors'

/** GET /api/products (filter, search, ids for cart refresh, pages) and GET /api/products/:id. */
const productRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { productRepository } = fastify

  fastify.get('/', {
    schema: {
      querystring: ProductListQuerySchema,
      response: { 200: ProductListSchema, 400: ApiErrorBodySchema },
    },
  }, async (request) => {
    const { ids, ...filter } = request.query
    return productRepository.list({ ...filter, ids: ids === undefined ? undefined : [...new Set(ids.split(',').map(Number))] })
  })

  fastify.get('/:id', {
    schema: {
      params: ProductParamsSchema,
      response: { 200: ProductSchema, 400: ApiErrorBodySchema, 404: ApiErrorBodySchema },
    },
  }, async (request) => {
    const product = await productRepository.findById(request.params.id)
    if (!product)
      throw notFound(`product ${request.params.id} not found`)
    return product
  })
}

export default productRoutes
