import Fastify from 'fastify'

// A stand-in for WeChat's server API with just stable_token and message/custom/send: the mock WeChat
// on this branch has no customer-service endpoint yet (another branch adds it), so the late-reply test
// counts its calls here instead of through the mock's /__control/calls.

export interface CustomSendStub {
  url: string
  /** every custom/send body received, in order */
  sent: unknown[]
  /** resolves with the next custom/send body */
  nextSend: () => Promise<unknown>
  close: () => Promise<void>
}

export async function startCustomSendStub(): Promise<CustomSendStub> {
  const server = Fastify()
  const sent: unknown[] = []
  let waiting: ((body: unknown) => void)[] = []
  server.post('/cgi-bin/stable_token', async () => ({ access_token: 'stub-access-token', expires_in: 7200 }))
  server.post<{ Querystring: { access_token?: string } }>('/cgi-bin/message/custom/send', async (request) => {
    if (request.query.access_token !== 'stub-access-token')
      return { errcode: 40001, errmsg: 'invalid credential' }
    sent.push(request.body)
    const resolvers = waiting
    waiting = []
    for (const resolve of resolvers)
      resolve(request.body)
    return { errcode: 0, errmsg: 'ok' }
  })
  const url = await server.listen({ port: 0, host: '127.0.0.1' })
  return {
    url,
    sent,
    nextSend: () => new Promise(resolve => waiting.push(resolve)),
    close: () => server.close(),
  }
}
