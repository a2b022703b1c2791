import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { openApiDocument } from '~/api/openapi.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'apiDocs.title')

interface Operation {
  summary?: string
  description?: string
  'x-scope'?: string
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string }>
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> }
  responses: Record<string, { description: string }>
}

/** /api/docs — the OpenAPI document as a page: every path, method, scope, parameter and answer. */
export function loader() {
  const document = openApiDocument()
  const paths = Object.entries(document.paths as Record<string, Record<string, Operation>>).map(([path, methods]) => ({
    path,
    operations: Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      summary: op.summary ?? '',
      description: op.description ?? '',
      scope: op['x-scope'] ?? (path.includes('matches') ? 'needs:read' : ''),
      parameters: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required) })),
      body: op.requestBody ? (Object.values(op.requestBody.content)[0]?.schema.$ref?.split('/').pop() ?? 'JSON') : null,
      responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description })),
    })),
  }))
  return { title: document.info.title, description: document.info.description, paths }
}

export default function ApiDocs() {
  const { t } = useTranslation()
  const { title, description, paths } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('apiDocs.title')}</h1>
      <p className="muted">{title}</p>
      <p>{description}</p>
      <p>
        <Link to="/api/v1/openapi.json" reloadDocument>
          openapi.json
        </Link>{' '}
        · <Link to="/settings/api-tokens">{t('nav.apiTokens')}</Link> ·{' '}
        <Link to="/settings/webhooks">{t('webhooks.title')}</Link>
      </p>
      {paths.map(({ path, operations }) =>
        operations.map((op) => (
          <section className="panel" key={`${op.method} ${path}`} data-testid="api-operation">
            <h2>
              <code>
                {op.method} /api/v1{path}
              </code>
            </h2>
            <p>
              {op.summary}
              {op.scope ? (
                <>
                  {' '}
                  · {t('apiDocs.scope')} <code>{op.scope}</code>
                </>
              ) : null}
            </p>
            {op.description ? <p className="muted">{op.description}</p> : null}
            {op.parameters.length ? (
              <p>
                {t('apiDocs.parameters')}{' '}
                {op.parameters.map((p) => (
                  <code key={`${p.in}:${p.name}`}>
                    {p.name}
                    {p.required ? '*' : ''} ({p.in}){' '}
                  </code>
                ))}
              </p>
            ) : null}
            {op.body ? (
              <p>
                {t('apiDocs.body')} <code>{op.body}</code>
              </p>
            ) : null}
            <ul className="list">
              {op.responses.map((r) => (
                <li key={r.status}>
                  <code>{r.status}</code> {r.description}
                </li>
              ))}
            </ul>
          </section>
        )),
      )}
    </>
  )
}
