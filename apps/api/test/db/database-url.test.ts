import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from '../../src/db/database-url'

describe('parseDatabaseUrl', () => {
  it('should resolve a relative file: path against the working directory when given one', () => {
    expect(parseDatabaseUrl('file:./data/shop.db', '/srv/wxshop')).toEqual({ dialect: 'sqlite', file: '/srv/wxshop/data/shop.db' })
    expect(parseDatabaseUrl('file:shop.db', '/srv')).toEqual({ dialect: 'sqlite', file: '/srv/shop.db' })
  })

  it('should keep an absolute path when the URL gives one', () => {
    expect(parseDatabaseUrl('file:/var/lib/shop.db')).toEqual({ dialect: 'sqlite', file: '/var/lib/shop.db' })
    expect(parseDatabaseUrl('file:///var/lib/shop.db')).toEqual({ dialect: 'sqlite', file: '/var/lib/shop.db' })
  })

  it('should open an in-memory database when given file::memory:', () => {
    expect(parseDatabaseUrl('file::memory:')).toEqual({ dialect: 'sqlite', file: ':memory:' })
  })

  it('should select PostgreSQL when the scheme is postgres or postgresql', () => {
    expect(parseDatabaseUrl('postgres://localhost/shop')).toEqual({ dialect: 'postgres', url: 'postgres://localhost/shop' })
    expect(parseDatabaseUrl('postgresql://localhost/shop').dialect).toBe('postgres')
  })

  it.each(['mysql://x', 'sqlite:shop.db', './shop.db', 'file:', 'file:shop.db?mode=ro', 'postgres:// bad host'])('should name DATABASE_URL when given %j', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(/^DATABASE_URL must be/)
  })
})
