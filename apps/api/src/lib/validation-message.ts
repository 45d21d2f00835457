import type { FastifySchemaValidationError, FastifyServerOptions } from 'fastify'

// Turns ajv's first error into a sentence a person can act on ("id must be an integer ≥ 1").
// ajv runs with `verbose: true`, so each error carries the schema that failed (`parentSchema`).

interface JsonSchema {
  type?: string
  description?: string
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  const?: unknown
  enum?: unknown[]
  anyOf?: JsonSchema[]
}

type VerboseError = FastifySchemaValidationError & { parentSchema?: JsonSchema }
type SchemaErrorDataVar = Parameters<NonNullable<FastifyServerOptions['schemaErrorFormatter']>>[1]

/** fastify's `schemaErrorFormatter`: fastify adds status 400 and `validation` to what this returns. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const first = errors[0] as VerboseError | undefined
  return new Error(first ? describeError(first, dataVar) : `${dataVar} is invalid`)
}

function describeError(error: VerboseError, dataVar: SchemaErrorDataVar): string {
  const path = error.instancePath.split('/').filter(Boolean).map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (error.keyword === 'required')
    return `${[...path, String(error.params.missingProperty)].join('.')} is required`
  const name = path.length > 0 ? path.join('.') : dataVar
  const schema = error.parentSchema
  if (schema?.type === 'string' && error.keyword === 'pattern')
    return `${name} is not valid: expected ${schema.description ?? `text matching ${schema.pattern}`}`
  const expected = schema && describeSchema(schema)
  return expected ? `${name} must be ${expected}` : `${name} ${error.message ?? 'is invalid'}`
}

function describeSchema(schema: JsonSchema): string | undefined {
  const choices = schema.enum ?? schema.anyOf?.map(option => option.const)
  if (choices && choices.every(choice => choice !== undefined))
    return `one of ${choices.map(choice => JSON.stringify(choice)).join(', ')}`
  if (schema.anyOf)
    return schema.anyOf.map(option => describeSchema(option) ?? 'valid').join(' or ')
  if (schema.const !== undefined)
    return JSON.stringify(schema.const)
  switch (schema.type) {
    case 'integer': return `an integer${range(schema.minimum, schema.maximum)}`
    case 'number': return `a number${range(schema.minimum, schema.maximum)}`
    case 'string': return describeString(schema)
    case 'boolean': return 'true or false'
    case 'array': return 'a list'
    case 'object': return 'an object'
    case 'null': return 'null'
    default: return undefined
  }
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined)
    return ` from ${min} to ${max}`
  if (min !== undefined)
    return ` ≥ ${min}`
  if (max !== undefined)
    return ` ≤ ${max}`
  return ''
}

function describeString({ minLength: min, maxLength: max }: JsonSchema): string {
  if (min !== undefined && max !== undefined)
    return `text of ${min} to ${max} characters`
  if (min !== undefined)
    return min === 1 ? 'non-empty text' : `text of at least ${min} characters`
  if (max !== undefined)
    return `text of at most ${max} characters`
  return 'text'
}
