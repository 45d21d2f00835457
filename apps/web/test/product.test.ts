import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useProduct } from '~/composables/use-product'
import { product, stubHeldFetch } from './helpers'

const detail = (id: number) => ({ ...product({ id }), description: '', images: [`/images/products/p${id}-1.svg`] })
const notFound = { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such product' } } }

let scope = effectScope()
afterEach(() => {
  scope.stop()
  scope = effectScope()
  vi.unstubAllGlobals()
})

/** The product page's state for an id the test changes, as the route would. */
function productPage(firstId: number) {
  const id = ref(firstId)
  const state = scope.run(() => useProduct(id))!
  return { id, ...state }
}

describe('useProduct', () => {
  it('should show the product of the id now shown when an older answer arrives last', async () => {
    const held = stubHeldFetch()
    const page = productPage(1)
    page.id.value = 2
    await nextTick()
    held[1]!.answer({ body: detail(2) })
    await flushPromises()
    held[0]!.answer({ body: detail(1) })
    await flushPromises()
    expect(page.product.value?.id).toBe(2)
    expect(page.loading.value).toBe(false)
  })

  it('should not call the shown product missing when an older id was the one not found', async () => {
    const held = stubHeldFetch()
    const page = productPage(404)
    page.id.value = 2
    await nextTick()
    held[1]!.answer({ body: detail(2) })
    await flushPromises()
    held[0]!.answer(notFound)
    await flushPromises()
    expect(page.notFound.value).toBe(false)
    expect(page.error.value).toBeNull()
    expect(page.product.value?.id).toBe(2)
  })

  it('should keep loading while the shown id is still out, whatever an older request does', async () => {
    const held = stubHeldFetch()
    const page = productPage(1)
    page.id.value = 2
    await nextTick()
    held[0]!.answer({ body: detail(1) })
    await flushPromises()
    expect(page.loading.value).toBe(true)
    expect(page.product.value).toBeNull()
  })

  it('should say not found for a 404 and anything else is an error', async () => {
    const held = stubHeldFetch()
    const page = productPage(404)
    held[0]!.answer(notFound)
    await flushPromises()
    expect(page.notFound.value).toBe(true)
    expect(page.error.value).toBeNull()
    page.id.value = 5
    await nextTick()
    held[1]!.answer({ status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } })
    await flushPromises()
    expect(page.notFound.value).toBe(false)
    expect(page.error.value).toMatchObject({ code: 'INTERNAL' })
  })
})
