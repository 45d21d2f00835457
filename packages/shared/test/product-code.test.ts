import { describe, expect, it } from 'vitest'
import { productIdFromCode } from '../src/product-code'

const SHOP = 'https://shop.example.com'

describe('productIdFromCode', () => {
  it.each([
    ['a product URL on the shop origin', 'https://shop.example.com/product/12', 12],
    ['a product URL with a trailing slash', 'https://shop.example.com/product/12/', 12],
    ['a product URL with a query and a hash', 'https://shop.example.com/product/7?from=poster&x=1#top', 7],
    ['a hash-routed product URL', 'https://shop.example.com/#/product/9?from=poster', 9],
    ['a product URL with the default port and an upper-case host', 'https://SHOP.example.com:443/product/12', 12],
    ['a bare id as the shop prints it', '42', 42],
    ['a bare id with spaces around it', '  42\n', 42],
    ['a CODE_128 barcode as WeChat reports it', 'CODE_128,123', 123],
    ['an EAN_8 barcode holding an id', 'EAN_8,1234567', 1234567],
  ] as const)('should find the product in %s', (_name, text, id) => {
    expect(productIdFromCode(text, SHOP)).toBe(id)
  })

  it.each([
    ['another site with the same path', 'https://evil.example.com/product/12'],
    ['the shop over another scheme', 'http://shop.example.com/product/12'],
    ['the shop on another port', 'https://shop.example.com:8443/product/12'],
    ['a shop page that is not a product', 'https://shop.example.com/cart'],
    ['a product path with a non-numeric id', 'https://shop.example.com/product/abc'],
    ['a product path below another page', 'https://shop.example.com/x/product/12'],
    ['a commercial EAN-13 barcode', 'EAN_13,6901234567892'],
    ['id zero', '0'],
    ['an id with a leading zero', '012'],
    ['a negative id', '-3'],
    ['a decimal', '1.5'],
    ['free text', '你好'],
    ['an empty code', ''],
    ['a javascript URL', 'javascript:alert(1)//product/1'],
    ['a URL whose user part hides another host', 'https://shop.example.com@evil.example.com/product/12'],
    ['a product path in the query only', 'https://shop.example.com/?next=/product/12'],
  ] as const)('should refuse %s', (_name, text) => {
    expect(productIdFromCode(text, SHOP)).toBeNull()
  })

  it('should refuse every URL when the shop origin is unusable', () => {
    expect(productIdFromCode('https://shop.example.com/product/12', 'not a url')).toBeNull()
  })
})
