import type { TSchema } from 'typebox'
import { Compile, type Validator } from 'typebox/compile'

// Every push is checked against its schema on the endpoint's hot path: compiled once, on first use
// (not at import, so shared stays free of side effects), the check is several times faster than Value.Check.
const validators = new WeakMap<TSchema, Validator>()

function validatorOf(schema: TSchema): Validator {
  let validator = validators.get(schema)
  if (!validator) {
    validator = Compile(schema) as Validator
    validators.set(schema, validator)
  }
  return validator
}

/** The first reason `value` does not match `schema`, or undefined when it does. */
export function schemaProblem(schema: TSchema, value: unknown): string | undefined {
  const validator = validatorOf(schema)
  if (validator.Check(value))
    return undefined
  const [first] = validator.Errors(value)
  return first ? `${first.instancePath || '/'} ${first.message}` : 'does not match its schema'
}
