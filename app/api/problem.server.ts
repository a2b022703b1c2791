import type { z } from 'zod'
import { createI18n } from '~/i18n'

/**
 * Errors of /api/v1 as RFC 9457 problem details (`application/problem+json`): `type`, `title`,
 * `status`, `detail`, plus a stable `code`, the message in Chinese (`message`) and English
 * (`messageEn`), and for invalid input the messages by field (`errors`).
 */
export function apiProblem(
  status: number,
  code: string,
  message: string,
  messageEn: string,
  extra: { headers?: HeadersInit; errors?: Record<string, { message: string; messageEn: string }> } = {},
) {
  return new Response(
    JSON.stringify({
      type: `https://baodi-tech.cn/problems/${code}`,
      title: messageEn,
      status,
      detail: message,
      code,
      message,
      messageEn,
      ...(extra.errors ? { errors: extra.errors } : {}),
    }),
    { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...extra.headers } },
  )
}

/** The validation messages (catalog keys, as the forms use them) in both languages, by field. */
export function fieldProblem(fieldErrors: Record<string, string[]>) {
  const zh = createI18n('zh')
  const en = createI18n('en')
  const errors = Object.fromEntries(
    Object.entries(fieldErrors).map(([field, keys]) => [
      field || '_',
      { message: keys.map((k) => zh.t(k)).join('；'), messageEn: keys.map((k) => en.t(k)).join('; ') },
    ]),
  )
  const fields = Object.keys(errors).join(', ')
  return apiProblem(422, 'invalid_body', `请求内容不正确：${fields}`, `Invalid request body: ${fields}`, { errors })
}

export const notFoundProblem = (what: string, whatEn: string) =>
  apiProblem(404, 'not_found', `${what}不存在`, `${whatEn} not found`)

/**
 * The query string parsed by `schema` (each parameter once, as given), or the 400 problem naming
 * the parameters that are wrong.
 */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.infer<S> | Response {
  const query = schema.safeParse(Object.fromEntries(url.searchParams))
  if (query.success) return query.data
  const fields = [...new Set(query.error.issues.map((i) => i.path.join('.')))].join(', ')
  return apiProblem(400, 'invalid_query', `查询参数不正确：${fields}`, `Invalid query parameters: ${fields}`)
}

/** A refusal whose message is a catalog key (as the model functions return them), in both languages. */
export function refusalProblem(status: number, code: string, key: string, params?: Record<string, string>) {
  return apiProblem(status, code, createI18n('zh').t(key, params), createI18n('en').t(key, params))
}
