import { Type, type Static } from 'typebox'

/** The one error body every API route answers with. `code` is stable and machine-readable. */
export const ApiErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'stable machine-readable code, e.g. NOT_FOUND, VALIDATION' }),
    message: Type.String({ description: 'human-readable explanation' }),
  }),
})
export type ApiErrorBody = Static<typeof ApiErrorBodySchema>
