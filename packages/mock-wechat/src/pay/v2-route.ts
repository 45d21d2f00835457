import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Merchant } from './merchant'
import { merchantOf } from './merchant'
import { payFaultOf, v2FaultAnswer } from './pay-faults'
import { readV2Request, v2Fail, v2Refusal, type V2Request } from './v2-message'

/**
 * One v2 endpoint: reads the request's communication layer (unsigned FAIL), plays a queued
 * `/__control/fail` as a signed SYSTEMERROR, then lets `answer` write the signed XML.
 */
export function v2Endpoint(fastify: FastifyInstance, path: string, required: readonly string[], answer: (request: V2Request, merchant: Merchant) => string) {
  const merchant = merchantOf(fastify.store.config)
  const send = (reply: FastifyReply, xml: string) => reply.type('text/xml; charset=utf-8').send(xml)
  fastify.post(path, async (request: FastifyRequest, reply) => {
    const read = readV2Request(request.body, merchant, required)
    if ('fail' in read)
      return send(reply, v2Fail(read.fail))
    const fault = payFaultOf(request)
    if (fault) {
      const { err_code, err_code_des } = v2FaultAnswer(fault)
      return send(reply, v2Refusal(merchant, read.signType, err_code, err_code_des))
    }
    return send(reply, answer(read, merchant))
  })
  // "REQUIRE_POST_METHOD": the answer to any other method
  fastify.get(path, async (_request, reply) => send(reply, v2Fail('请使用post方法')))
}
