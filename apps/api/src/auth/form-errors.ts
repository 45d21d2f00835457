import type { FastifySchemaValidationError } from 'fastify'
import { formatValidationErrors } from '../lib/validation-message'

type SchemaErrorDataVar = Parameters<typeof formatValidationErrors>[1]

/**
 * A route-level schemaErrorFormatter that answers chosen body fields with an error of their own:
 * what the user typed (phone, password) gets Chinese the SPA can show as it is, and a missing
 * OAuth state gets the same OAUTH_STATE_INVALID as a wrong one. Anything else (a body that is not
 * JSON, an unexpected field) keeps the developer-facing message.
 */
export function bodyFieldErrors(byField: Record<string, () => Error>) {
  return (errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error => {
    const field = dataVar === 'body' ? fieldOf(errors[0]) : undefined
    const answer = field === undefined ? undefined : byField[field]
    return answer ? answer() : formatValidationErrors(errors, dataVar)
  }
}

function fieldOf(error: FastifySchemaValidationError | undefined): string | undefined {
  if (!error)
    return undefined
  if (error.keyword === 'required' && error.instancePath === '')
    return String(error.params.missingProperty)
  return error.instancePath.split('/')[1]
}
