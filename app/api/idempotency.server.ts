import type { Prisma } from '~/generated/prisma/client'
import { sha256 } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'
import type { ApiCaller } from './auth.server'
import { apiProblem } from './problem.server'

/**
 * Runs a POST once per `Idempotency-Key` (per token): the first request claims the key with one
 * conditional insert and its answer is stored; a retry gets that answer again (marked
 * `Idempotent-Replayed: true`) without a second effect, while the first is still running a 409,
 * and the same key with another method, path or body a 422. Without the header it just runs.
 */
export async function idempotent(
  caller: ApiCaller,
  request: Request,
  body: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get('Idempotency-Key')
  if (key === null) return run()
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    return apiProblem(
      400,
      'invalid_idempotency_key',
      'Idempotency-Key 应为 1–200 个可见 ASCII 字符',
      'Idempotency-Key: 1–200 visible ASCII characters',
    )
  }
  const requestHash = sha256(`${request.method} ${new URL(request.url).pathname}\n${body}`)
  const claimed = await prisma.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "IdempotencyKey" ("id", "tokenId", "key", "requestHash")
    VALUES (${`idem_${sha256(`${caller.tokenId}:${key}`).slice(0, 24)}`}, ${caller.tokenId}, ${key}, ${requestHash})
    ON CONFLICT ("tokenId", "key") DO NOTHING
    RETURNING "id"`
  if (claimed.length === 0) {
    const stored = await prisma.idempotencyKey.findUniqueOrThrow({
      where: { tokenId_key: { tokenId: caller.tokenId, key } },
    })
    if (stored.requestHash !== requestHash) {
      return apiProblem(
        422,
        'idempotency_key_reused',
        '该 Idempotency-Key 已用于另一个请求',
        'This Idempotency-Key was used for another request',
      )
    }
    if (stored.status === null) {
      return apiProblem(
        409,
        'idempotency_in_progress',
        '相同请求正在处理中，请稍后重试',
        'The same request is still being processed; retry shortly',
        {
          headers: { 'Retry-After': '1' },
        },
      )
    }
    return Response.json(stored.body, { status: stored.status, headers: { 'Idempotent-Replayed': 'true' } })
  }
  const id = claimed[0].id
  let response: Response
  try {
    response = await run()
  } catch (error) {
    // Nothing was answered: the key is free for the retry.
    await prisma.idempotencyKey.delete({ where: { id } })
    throw error
  }
  const text = await response.text()
  const json = (text ? JSON.parse(text) : null) as Prisma.InputJsonValue
  await prisma.idempotencyKey.update({ where: { id }, data: { status: response.status, body: json ?? undefined } })
  return new Response(text, { status: response.status, headers: response.headers })
}
