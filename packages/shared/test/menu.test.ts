import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { type Menu, MenuSchema, utf8ByteLength } from '../src'

const SHOP_MENU: Menu = {
  button: [
    { type: 'view', name: '首页', url: 'http://localhost:3000/' },
    { name: '更多', sub_button: [{ type: 'click', name: '联系客服', key: 'CONTACT_SERVICE' }] },
  ],
}

describe('utf8ByteLength', () => {
  it('should count bytes as UTF-8 does when the text mixes ASCII, Chinese and emoji', () => {
    expect(utf8ByteLength('a')).toBe(1)
    expect(utf8ByteLength('é')).toBe(2)
    expect(utf8ByteLength('首页')).toBe(6)
    expect(utf8ByteLength('😀')).toBe(4)
  })
})

describe('MenuSchema', () => {
  it('should accept a menu of action buttons and a parent with sub-buttons', () => {
    expect(Value.Check(MenuSchema, SHOP_MENU)).toBe(true)
  })

  it.each([
    ['no buttons', { button: [] }],
    ['4 buttons', { button: Array.from({ length: 4 }, () => ({ type: 'click', name: 'a', key: 'K' })) }],
    ['an unknown type', { button: [{ type: 'link', name: 'a', url: 'https://example.com/' }] }],
    ['a click without key', { button: [{ type: 'click', name: 'a' }] }],
    ['a view whose url is not http(s)', { button: [{ type: 'view', name: 'a', url: 'weixin://x' }] }],
    ['a parent with a type', { button: [{ type: 'click', name: 'a', key: 'K', sub_button: [{ type: 'click', name: 'b', key: 'K' }] }] }],
    ['6 sub-buttons', { button: [{ name: 'a', sub_button: Array.from({ length: 6 }, () => ({ type: 'click', name: 'b', key: 'K' })) }] }],
    ['a third level', { button: [{ name: 'a', sub_button: [{ name: 'b', sub_button: [{ type: 'click', name: 'c', key: 'K' }] }] }] }],
  ])('should refuse a menu with %s', (_name, menu) => {
    expect(Value.Check(MenuSchema, menu)).toBe(false)
  })
})
