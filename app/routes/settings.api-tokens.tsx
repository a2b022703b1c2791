import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { getFormProps, useForm } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError, InputFor } from '~/components/field'
import { createApiToken, listApiTokens, revokeApiToken } from '~/models/api-tokens.server'
import { ApiTokenActionSchema, GRANTABLE_SCOPES, TOKEN_LIFETIMES } from '~/validation/api-tokens'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireRole } from '~/utils/permissions.server'
import type { Role } from '~/generated/prisma/enums'
import { beijingDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'tokens.title')

/** Organization admins and bureau staff issue tokens for their own organization. */
const TOKEN_ADMINS: Role[] = ['ENTERPRISE_ADMIN', 'TTO_ADMIN', 'BUREAU_STAFF', 'PLATFORM_ADMIN']

async function requireTokenAdmin(request: Request) {
  const { user, membership } = await requireRole(request, TOKEN_ADMINS)
  return { user, organizationId: membership.organizationId }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, organizationId } = await requireTokenAdmin(request)
  const tokens = await listApiTokens(organizationId)
  const kind = user.memberships.find((m) => m.organizationId === organizationId)?.organizationKind ?? ''
  return {
    grantable: GRANTABLE_SCOPES[kind] ?? [],
    tokens: tokens.map((t) => ({
      ...t,
      createdAt: beijingDateTime(t.createdAt),
      expiresAt: t.expiresAt ? beijingDateTime(t.expiresAt) : null,
      expired: t.expiresAt !== null && t.expiresAt < new Date(),
      lastUsedAt: t.lastUsedAt ? beijingDateTime(t.lastUsedAt) : null,
      revoked: Boolean(t.revokedAt),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organizationId } = await requireTokenAdmin(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ApiTokenActionSchema })
  if (submission.status !== 'success') return data({ created: null, submission: submission.reply() }, { status: 400 })
  const input = submission.value
  switch (input.intent) {
    case 'create': {
      const outcome = await createApiToken(organizationId, user.id, input)
      if (!outcome.ok) {
        return data(
          { created: null, submission: submission.reply({ fieldErrors: { [outcome.field ?? '']: [outcome.error] } }) },
          { status: 400 },
        )
      }
      return { created: outcome.token, submission: submission.reply({ resetForm: true }) }
    }
    case 'revoke':
      // Another organization's token is not found.
      if (!(await revokeApiToken(organizationId, user.id, input.tokenId))) notFound()
      return { created: null, submission: null }
  }
}

export default function ApiTokens() {
  const { t } = useTranslation()
  const { tokens, grantable } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: result?.submission,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApiTokenActionSchema }),
  })
  return (
    <>
      <h1>{t('tokens.title')}</h1>
      <p className="muted">{t('tokens.intro')}</p>
      <p>
        <Link to="/api/v1/openapi.json" reloadDocument>
          {t('tokens.docs')}
        </Link>{' '}
        · <Link to="/api/docs">{t('apiDocs.title')}</Link> · <Link to="/settings/webhooks">{t('webhooks.title')}</Link>
      </p>
      {result?.created ? (
        <div className="notice" role="status">
          {t('tokens.created')} <code data-testid="new-token">{result.created}</code>
        </div>
      ) : null}
      <Form method="post" className="stack panel" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        <InputFor label={t('tokens.name')} meta={fields.name} autoComplete="off" />
        <fieldset>
          <legend>{t('tokens.scopes')}</legend>
          {grantable.map((scope) => (
            <label className="checkbox" key={scope}>
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope.endsWith(':read')} />
              <code>{scope}</code> {t(`tokens.scope.${scope.replace(':', '_')}`)}
            </label>
          ))}
          <FieldError id="scopes-error" errors={fields.scopes.errors} />
        </fieldset>
        <label htmlFor="lifetimeDays">{t('tokens.lifetime')}</label>
        <select id="lifetimeDays" name="lifetimeDays" defaultValue="90">
          {TOKEN_LIFETIMES.map((days) => (
            <option key={days} value={days}>
              {days === '0' ? t('tokens.untilRevoked') : t('tokens.days', { count: Number(days) })}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          {t('tokens.create')}
        </button>
      </Form>
      {tokens.length === 0 ? (
        <p className="muted">{t('tokens.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('tokens.name')}</th>
                <th>{t('tokens.scopes')}</th>
                <th>{t('tokens.expires')}</th>
                <th>{t('tokens.createdAt')}</th>
                <th>{t('tokens.lastUsed')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{token.scopes.join(' ')}</td>
                  <td>
                    {token.expiresAt ?? t('tokens.untilRevoked')}
                    {token.expired ? <span className="badge">{t('tokens.expired')}</span> : null}
                  </td>
                  <td>
                    {token.createdAt} · {token.createdBy.name}
                  </td>
                  <td>{token.lastUsedAt ?? t('tokens.never')}</td>
                  <td>
                    {token.revoked ? (
                      <span className="badge">{t('tokens.revoked')}</span>
                    ) : (
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className="link-button">
                          {t('tokens.revoke')}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
