import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

interface ValidationIssue {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

/** Turns ajv's first issue into one sentence that names the field, e.g. `body/consent must be one of allow, deny, snapshot`. */
function describeValidation(error: FastifyError): string {
  const issues = (error.validation as ValidationIssue[] | undefined) ?? []
  const union = issues.find(i => i.keyword === 'anyOf')
  const issue = union ?? issues[0]
  if (!issue)
    return error.message
  const where = `${error.validationContext ?? 'request'}${issue.instancePath}`
  if (union) {
    // ajv reports each branch of a union, then the union: name what each branch wanted.
    const wanted = issues
      .filter(i => i !== union && i.instancePath === union.instancePath)
      .map(i => (i.keyword === 'const' ? JSON.stringify(i.params.allowedValue) : i.keyword === 'type' ? article(String(i.params.type)) : i.message))
    return `${where} must be ${wanted.join(' or ')}`
  }
  if (issue.keyword === 'additionalProperties')
    return `${where} has an unknown property ${JSON.stringify(issue.params.additionalProperty)}`
  if (issue.keyword === 'enum')
    return `${where} must be one of ${(issue.params.allowedValues as unknown[]).join(', ')}`
  return `${where} ${issue.message ?? 'is invalid'}`
}

/**
 * One error handler for the mock's own failures. WeChat-shaped errors never come through here: the
 * emulated endpoints answer their errcodes themselves, with HTTP 200.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation)
    return reply.code(400).send({ error: { code: 'VALIDATION', message: describeValidation(error) } })
  const status = error.statusCode ?? 500
  if (status < 500)
    return reply.code(status).send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } })
  request.log.error({ err: error, request: { method: request.method, url: request.url } }, 'mock-wechat failed')
  return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Internal Server Error' } })
}
