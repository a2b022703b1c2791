import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { Money } from '~/components/money'
import { confirmConsultationTransfer, listConsultations } from '~/payments/consultations.server'
import { stripeEnabled } from '~/payments/stripe.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { isOfficeUser, notFound, OFFICE_ROLES, requireRole, requireUser } from '~/utils/permissions.server'
import { serialize } from '~/utils/serialize'
import { beijingDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'consultations.title')

/** Paid consultations: the enterprise's bookings, an institution's experts', an expert's own. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const rows = await listConsultations(user)
  return serialize({
    offline: !stripeEnabled(),
    consultations: rows.map((c) => ({
      id: c.id,
      expert: c.expert.name,
      enterprise: c.enterprise.name,
      topic: c.topic,
      startsAt: beijingDateTime(c.startsAt),
      minutes: c.minutes,
      priceFen: c.priceFen,
      status: c.status,
      contractId: c.contractId,
      canConfirm: c.status === 'PENDING_PAYMENT' && isOfficeUser(user, c.expert.organizationId),
    })),
  })
}

const Confirm = z.object({
  consultationId: z.string().min(1),
  reference: z
    .string()
    .trim()
    .min(4, { message: 'errors.payment.reference' })
    .max(100, { message: 'errors.payment.reference' }),
})

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireRole(request, OFFICE_ROLES)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = Confirm.safeParse(Object.fromEntries(formData))
  if (!parsed.success)
    return data({ ok: false as const, errors: parsed.error.issues.map((i) => i.message) }, { status: 400 })
  const done = await confirmConsultationTransfer(
    { userId: user.id, organizationId: membership.organizationId },
    parsed.data.consultationId,
    parsed.data.reference,
  )
  if (!done) notFound()
  return { ok: true as const, errors: [] as string[] }
}

export default function Consultations() {
  const { t } = useTranslation()
  const { consultations, offline } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <>
      <h1>{t('consultations.title')}</h1>
      {params.get('booked') ? (
        <p className="notice" role="status">
          {offline ? t('consultations.bookedOffline') : t('consultations.booked')}
        </p>
      ) : null}
      {params.get('payment') === 'returned' ? (
        <p className="notice" role="status">
          {t('payments.returned')}
        </p>
      ) : null}
      <FieldError id="consultation-error" errors={result?.errors} />
      {consultations.length === 0 ? <p className="muted">{t('consultations.none')}</p> : null}
      <ol className="match-list" data-testid="consultations">
        {consultations.map((c) => (
          <li key={c.id}>
            <strong>{c.topic}</strong> · {c.expert} · {c.enterprise} ·{' '}
            {t('consultations.when', { at: c.startsAt, minutes: c.minutes })} · <Money fen={c.priceFen} />{' '}
            <span className="badge">{t(`consultations.status.${c.status}`)}</span>{' '}
            {c.contractId ? <Link to={`/contracts/${c.contractId}`}>{t('consultations.contract')}</Link> : null}
            {c.canConfirm && offline ? (
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="consultationId" value={c.id} />
                <label>
                  {t('payments.reference')} <input name="reference" required minLength={4} maxLength={100} />
                </label>{' '}
                <button type="submit">{t('payments.confirmTransfer')}</button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  )
}
