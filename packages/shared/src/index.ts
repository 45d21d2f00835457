export * from './money'
export * from './schemas/catalog'
export * from './schemas/error'
export * from './schemas/system'
