import fp from 'fastify-plugin'
import { createPasswordHasher, type PasswordHasher } from '../auth/password-hasher'

declare module 'fastify' {
  interface FastifyInstance {
    passwordHasher: PasswordHasher
  }
}

/** argon2id hashing for shop-account passwords, as a decorator so tests can spy on it. */
export default fp(async function passwordHasher(fastify) {
  fastify.decorate('passwordHasher', createPasswordHasher())
}, { name: 'password-hasher' })
