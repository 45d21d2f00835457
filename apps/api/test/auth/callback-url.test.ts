import { describe, expect, it } from 'vitest'
import { callbackUrl } from '../../src/auth/callback-url'

describe('callbackUrl', () => {
  const base = 'https://shop.example.com'

  it.each([
    ['/', 'https://shop.example.com/'],
    ['/product/3', 'https://shop.example.com/product/3'],
    ['/?code=old&state=old', 'https://shop.example.com/'],
    ['/cart?code=old&from=share&state=x', 'https://shop.example.com/cart?from=share'],
    ['/?q=%E8%8B%B9%E6%9E%9C&a+b=1#/product/3', 'https://shop.example.com/?q=%E8%8B%B9%E6%9E%9C&a+b=1#/product/3'],
    ['/?%63ode=x#/cart', 'https://shop.example.com/#/cart'],
    ['/#/orders?code=inside-the-hash', 'https://shop.example.com/#/orders?code=inside-the-hash'],
  ])('should turn %s into %s', (returnTo, expected) => {
    expect(callbackUrl(base, returnTo)).toBe(expected)
  })

  it('should use only the origin of PUBLIC_URL when it has a path', () => {
    expect(callbackUrl('https://shop.example.com/some/path', '/cart')).toBe('https://shop.example.com/cart')
  })

  it('should stay on our host when returnTo starts with two slashes', () => {
    expect(callbackUrl(base, '//evil.example/x')).toBe('https://shop.example.com//evil.example/x')
  })
})
