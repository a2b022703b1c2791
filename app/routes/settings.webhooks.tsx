import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { Field, FieldError } from '~/components/field'
import type { Role } from '~/generated/prisma/enums'
import { actionDone, actionFailed, fieldErrors, type ActionResult } from '~/utils/action-result'
import { requireCsrf } from '~/utils/csrf.server'
import { beijingDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { notFound, requireRole } from '~/utils/permissions.server'
import { WebhookActionSchema, type WebhookAction } from '~/validation/webhooks'
import { redeliver } from '~/webhooks/deliveries.server'
import { createEndpoint, disableEndpoint, listEndpoints } from '~/webhooks/endpoints.server'
import { SIGNATURE_HEADER, WEBHOOK_EVENTS } from '~/webhooks/events'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'webhooks.title')

/** Organization admins and bureau staff keep their own organization's endpoints. */
const WEBHOOK_ADMINS: Role[] = ['ENTERPRISE_ADMIN', 'TTO_ADMIN', 'BUREAU_STAFF', 'PLATFORM_ADMIN']

async function requireWebhookAdmin(request: Request) {
  const { user, membership } = await requireRole(request, WEBHOOK_ADMINS)
  return { userId: user.id, organizationId: membership.organizationId }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { organizationId } = await requireWebhookAdmin(request)
  const endpoints = await listEndpoints(organizationId)
  return {
    endpoints: endpoints.map((e) => ({
      id: e.id,
      url: e.url,
      events: e.events,
      secret: e.secret,
      disabled: Boolean(e.disabledAt),
      createdAt: beijingDateTime(e.createdAt),
      deliveries: e.deliveries.map((d) => ({
        ...d,
        createdAt: beijingDateTime(d.createdAt),
        deliveredAt: d.deliveredAt ? beijingDateTime(d.deliveredAt) : null,
      })),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWebhookAdmin(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: WebhookActionSchema })
  if (submission.status !== 'success') return actionFailed<WebhookAction['intent']>(fieldErrors(submission.error))
  const input = submission.value
  switch (input.intent) {
    case 'create': {
      const outcome = await createEndpoint(actor, input)
      return outcome.ok ? actionDone(input.intent) : actionFailed({ url: [outcome.error] }, 409)
    }
    case 'disable':
      if (!(await disableEndpoint(actor, input.endpointId))) notFound()
      return actionDone(input.intent)
    case 'redeliver':
      if (!(await redeliver(actor.organizationId, input.deliveryId))) notFound()
      return actionDone(input.intent)
  }
}

export default function Webhooks() {
  const { t } = useTranslation()
  const { endpoints } = useLoaderData<typeof loader>()
  const result = useActionData<ActionResult<WebhookAction['intent']>>()
  const errors = result && !result.ok ? result.errors : {}
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <p className="muted">{t('webhooks.intro', { header: SIGNATURE_HEADER })}</p>
      <p>
        <Link to="/settings/api-tokens">{t('nav.apiTokens')}</Link>
      </p>
      {result?.ok ? (
        <p className="notice" role="status" data-testid="webhook-done">
          {t(`webhooks.done.${result.intent}`)}
        </p>
      ) : null}
      <Form method="post" className="stack panel" data-testid="webhook-form">
        <CsrfInput />
        <Field label={t('webhooks.url')} name="url" type="url" placeholder="https://" errors={errors.url} />
        <fieldset>
          <legend>{t('webhooks.events')}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label className="checkbox" key={event}>
              <input type="checkbox" name="events" value={event} defaultChecked />
              <code>{event}</code> {t(`webhooks.event.${event.replace('.', '_')}`)}
            </label>
          ))}
          <FieldError id="events-error" errors={errors.events} />
        </fieldset>
        <button type="submit" name="intent" value="create" className="primary">
          {t('webhooks.add')}
        </button>
      </Form>
      {endpoints.length === 0 ? <p className="muted">{t('webhooks.none')}</p> : null}
      {endpoints.map((endpoint) => (
        <section className="panel" key={endpoint.id} data-testid="webhook-endpoint">
          <h2>
            <code>{endpoint.url}</code>{' '}
            {endpoint.disabled ? <span className="badge">{t('webhooks.disabled')}</span> : null}
          </h2>
          <p className="muted">
            {endpoint.events.join(' ')} · {t('webhooks.createdAt', { at: endpoint.createdAt })}
          </p>
          <p>
            {t('webhooks.secret')} <code data-testid="webhook-secret">{endpoint.secret}</code>
          </p>
          {!endpoint.disabled ? (
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="endpointId" value={endpoint.id} />
              <button type="submit" name="intent" value="disable" className="danger">
                {t('webhooks.disable')}
              </button>
            </Form>
          ) : null}
          <h3>{t('webhooks.deliveries')}</h3>
          {endpoint.deliveries.length === 0 ? <p className="muted">{t('webhooks.noDeliveries')}</p> : null}
          {endpoint.deliveries.length ? (
            <div className="table-wrap">
              <table data-testid="webhook-deliveries">
                <thead>
                  <tr>
                    <th>{t('webhooks.event.label')}</th>
                    <th>{t('webhooks.status.label')}</th>
                    <th>{t('webhooks.attempts')}</th>
                    <th>{t('webhooks.lastAnswer')}</th>
                    <th>{t('webhooks.at')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {endpoint.deliveries.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <code>{d.eventType}</code>
                        <br />
                        <span className="muted">{d.eventId}</span>
                      </td>
                      <td>{t(`webhooks.status.${d.status}`)}</td>
                      <td>{d.attempts}</td>
                      <td>{d.lastStatusCode ?? d.lastError ?? '—'}</td>
                      <td>{d.deliveredAt ?? d.createdAt}</td>
                      <td>
                        <Form method="post" className="inline-form">
                          <CsrfInput />
                          <input type="hidden" name="deliveryId" value={d.id} />
                          <button type="submit" name="intent" value="redeliver" className="link-button">
                            {t('webhooks.redeliver')}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ))}
    </>
  )
}
