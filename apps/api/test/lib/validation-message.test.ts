import { describe, expect, it } from 'vitest'
import { formatValidationErrors } from '../../src/lib/validation-message'

// Shapes as ajv reports them with `verbose: true`; the route tests cover the common cases end to end.
const error = (fields: Record<string, unknown>) => ({ keyword: 'type', instancePath: '', schemaPath: '#', params: {}, ...fields })

describe('formatValidationErrors', () => {
  it('should name the missing field when a required one is absent', () => {
    const message = formatValidationErrors([error({ keyword: 'required', instancePath: '/address', params: { missingProperty: 'phone' } })], 'body').message
    expect(message).toBe('address.phone is required')
  })

  it('should list the choices when the value is not one of them', () => {
    const parentSchema = { anyOf: [{ type: 'string', const: 'snsapi_base' }, { type: 'string', const: 'snsapi_userinfo' }] }
    const message = formatValidationErrors([error({ keyword: 'anyOf', instancePath: '/scope', parentSchema })], 'body').message
    expect(message).toBe('scope must be one of "snsapi_base", "snsapi_userinfo"')
  })

  it('should call the whole input by its part when the root is wrong', () => {
    expect(formatValidationErrors([error({ parentSchema: { type: 'object' } })], 'body').message).toBe('body must be an object')
  })

  it('should fall back to ajv wording when the schema is unknown', () => {
    expect(formatValidationErrors([error({ instancePath: '/x', message: 'must be valid' })], 'querystring').message).toBe('x must be valid')
  })
})
