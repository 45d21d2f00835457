export * from './errors'
export * from './xml-build'
export * from './xml-parse'
