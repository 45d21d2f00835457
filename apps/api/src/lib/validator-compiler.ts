import { AjvCompiler } from '@fastify/ajv-compiler'
import type { FastifyServerOptions } from 'fastify'

interface Options { customOptions?: Record<string, unknown>, plugins?: unknown[] }

type RouteSchema = { schema: unknown, method: string, url: string, httpPart?: string }

/** What every request part shares. */
const COMMON = {
  // Unknown fields and query parameters are dropped, never an error and never passed on.
  removeAdditional: 'all',
  useDefaults: true,
  // NaN and ±Infinity are not numbers in a JSON body either.
  strictNumbers: true,
  // Errors carry the failing schema, so validation-message.ts can say what was expected.
  verbose: true,
} as const

/**
 * Fastify's one ajv instance coerces every part alike, so `"password": ["x"]` became "x" and a
 * numeric phone a string. Text parts (query string, path parameters, headers) arrive as text and
 * are coerced ('2' → 2, one value → a one-item array); a JSON body already has its types and is
 * taken exactly as sent. Two ajv instances from Fastify's own compiler factory (so shared schemas
 * and ajv-formats work as before), chosen by the part being validated.
 */
export const validatorCompilers: NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']> = {
  buildValidator: ((externalSchemas: Record<string, unknown>, serverOptions: Options = {}) => {
    const factory = AjvCompiler()
    const build = (coerceTypes: false | 'array') => factory(externalSchemas as never, {
      ...serverOptions,
      customOptions: { ...serverOptions.customOptions, ...COMMON, coerceTypes },
    } as never) as unknown as (route: RouteSchema) => unknown
    const text = build('array')
    const json = build(false)
    return (route: RouteSchema) => route.httpPart === 'body' ? json(route) : finiteOnly(text(route) as Validate, route.schema)
  }) as never,
}

type Validate = ((data: unknown, context?: unknown) => boolean) & { errors?: unknown[] | null, schemaEnv?: unknown }
interface PropertySchema { type?: string, items?: PropertySchema }

/**
 * ajv coerces the text 'Infinity' (or '1e400') to Infinity and then skips every range check on it
 * (its minimum/maximum code is guarded by isFinite), so `?pageSize=Infinity` passed as a valid
 * integer and reached SQL. After ajv, a number that is not finite fails like any non-number would.
 */
function finiteOnly(validate: Validate, schema: unknown): Validate {
  const properties = (schema as { properties?: Record<string, PropertySchema> } | undefined)?.properties ?? {}
  const numeric = Object.entries(properties).filter(([, property]) => isNumeric(property) || isNumeric(property.items))
  if (numeric.length === 0)
    return validate
  const wrapped: Validate = (data, context) => {
    wrapped.errors = null
    if (!validate(data, context)) {
      wrapped.errors = validate.errors
      return false
    }
    for (const [name, property] of numeric) {
      const value = (data as Record<string, unknown> | null)?.[name]
      const values = Array.isArray(value) ? value : [value]
      if (values.some(item => typeof item === 'number' && !Number.isFinite(item))) {
        const parentSchema = isNumeric(property) ? property : property.items
        // the shape ajv's own type error has (verbose), so validation-message.ts words it the same
        wrapped.errors = [{ instancePath: `/${name}`, schemaPath: `#/properties/${name}/type`, keyword: 'type', params: { type: parentSchema?.type }, message: `must be ${parentSchema?.type}`, schema: parentSchema?.type, parentSchema, data: value }]
        return false
      }
    }
    return true
  }
  wrapped.schemaEnv = validate.schemaEnv
  return wrapped
}

function isNumeric(schema: PropertySchema | undefined): boolean {
  return schema?.type === 'integer' || schema?.type === 'number'
}
