import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CategoryListSchema } from '@wxshop/shared'

/** GET /api/categories: every category in display order. */
const categoryRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { categoryRepository } = fastify

  fastify.get('/', {
    schema: { response: { 200: CategoryListSchema } },
  }, async () => ({ items: await categoryRepository.list() }))
}

export default categoryRoutes
