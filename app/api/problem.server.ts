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
