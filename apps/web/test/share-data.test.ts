import { describe, expect, it } from 'vitest'
import { shareDataFor } from '~/wechat/share-data'
import { product } from './helpers'

const shop = { shopName: '微选好物', publicUrl: 'https://shop.example.com' }
const apple = product({ id: 3, name: '烟台红富士苹果', subtitle: '脆甜多汁 5斤装', priceFen: 3990, coverImage: '/images/products/yantai-fuji-apple-1.jpg' })

describe('shareDataFor', () => {
  it('should share the shop with its square PNG on the public origin on the home page', () => {
    expect(shareDataFor({ name: 'home', params: {} }, shop, null)).toEqual({
      title: '微选好物',
      desc: '精选好物，在微信里就能逛',
      link: 'https://shop.example.com/',
      imgUrl: 'https://shop.example.com/share-icon.png',
    })
  })

  it('should share a product page\'s product with its price in the description and its cover as an absolute URL', () => {
    expect(shareDataFor({ name: 'product', params: { id: '3' } }, shop, apple)).toEqual({
      title: '烟台红富士苹果',
      desc: '¥39.90 · 脆甜多汁 5斤装',
      link: 'https://shop.example.com/product/3',
      imgUrl: 'https://shop.example.com/images/products/yantai-fuji-apple-1.jpg',
    })
  })

  it('should print the price alone when the product has no subtitle', () => {
    expect(shareDataFor({ name: 'product', params: { id: '3' } }, shop, { ...apple, subtitle: ' ' }).desc).toBe('¥39.90')
  })

  it('should share the shop on a product page still showing another product, and on every other route', () => {
    expect(shareDataFor({ name: 'product', params: { id: '4' } }, shop, apple).link).toBe('https://shop.example.com/')
    expect(shareDataFor({ name: 'product', params: { id: '3' } }, shop, null).link).toBe('https://shop.example.com/')
    expect(shareDataFor({ name: 'cart', params: {} }, shop, apple).link).toBe('https://shop.example.com/')
    expect(shareDataFor({ name: 'profile' }, shop, apple).title).toBe('微选好物')
  })

  it('should keep links and images on the public origin whatever PUBLIC_URL carries after it', () => {
    const data = shareDataFor({ name: 'product', params: { id: '3' } }, { shopName: '微选好物', publicUrl: 'https://shop.example.com/some/path/?from=x#y' }, apple)
    expect(data.link).toBe('https://shop.example.com/product/3')
    expect(data.imgUrl).toBe('https://shop.example.com/images/products/yantai-fuji-apple-1.jpg')
  })

  it('should use the shop picture when a product image lives on another origin', () => {
    const data = shareDataFor({ name: 'product', params: { id: '3' } }, shop, { ...apple, coverImage: 'https://cdn.example.net/a.jpg' })
    expect(data.imgUrl).toBe('https://shop.example.com/share-icon.png')
  })

  it('should use the shop picture for a cover WeChat cannot draw as a thumbnail (SVG)', () => {
    const data = shareDataFor({ name: 'product', params: { id: '3' } }, shop, { ...apple, coverImage: '/images/products/yantai-fuji-apple-1.svg' })
    expect(data.imgUrl).toBe('https://shop.example.com/share-icon.png')
  })

  it('should link into the hash route in a hash-routed build', () => {
    expect(shareDataFor({ name: 'product', params: { id: '3' } }, shop, apple, { hash: true }).link).toBe('https://shop.example.com/#/product/3')
    expect(shareDataFor({ name: 'home' }, shop, null, { hash: true }).link).toBe('https://shop.example.com/#/')
  })
})
