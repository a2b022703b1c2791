import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { Field, FieldError } from '~/components/field'
import { Money } from '~/components/money'
import { bookConsultation, consultableExpert } from '~/payments/consultations.server'
import { requireCsrf } from '~/utils/csrf.server'
import { getEnv } from '~/utils/env.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireEnterprise } from '~/utils/permissions.server'
import { serialize } from '~/utils/serialize'
import { BookingSchema } from '~/validation/consultations'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'consultations.book')

/** An enterprise books (and pays for) a consultation with an expert who offers them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEnterprise(request)
  const expert = await consultableExpert(params.id ?? '')
  if (!expert) notFound()
  return serialize({
    expert: {
      id: expert.id,
      name: expert.name,
      institution: expert.organization.name,
      feeFen: expert.consultationFeeFen!,
      minutes: expert.consultationMinutes!,
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireEnterprise(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const values = { startsAt: String(formData.get('startsAt') ?? ''), topic: String(formData.get('topic') ?? '') }
  const parsed = BookingSchema.safeParse(values)
  if (!parsed.success) {
    const errors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message)
    return data({ values, errors }, { status: 400 })
  }
  const outcome = await bookConsultation(
    { userId: user.id, organizationId: membership.organizationId },
    params.id ?? '',
    parsed.data,
    getEnv().PUBLIC_BASE_URL,
  )
  if (!outcome.ok && outcome.notFound) notFound()
  if (!outcome.ok) return data({ values, errors: { '': [outcome.error] } as Record<string, string[]> }, { status: 409 })
  return redirect(outcome.url ?? '/consultations?booked=1')
}

export default function BookConsultation() {
  const { t } = useTranslation()
  const { expert } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result?.errors ?? {}
  return (
    <>
      <p>
        <Link to={`/experts/${expert.id}`}>← {expert.name}</Link>
      </p>
      <h1>{t('consultations.bookWith', { name: expert.name })}</h1>
      <p className="muted">
        {expert.institution} · {t('consultations.offer', { minutes: expert.minutes })} <Money fen={expert.feeFen} />
      </p>
      <Form method="post" className="stack panel">
        <CsrfInput />
        <FieldError id="booking-error" errors={errors['']} />
        <Field
          label={t('consultations.startsAt')}
          hint={t('consultations.startsAtHint')}
          name="startsAt"
          type="datetime-local"
          required
          defaultValue={result?.values.startsAt}
          errors={errors.startsAt}
        />
        <Field
          label={t('consultations.topic')}
          name="topic"
          required
          minLength={4}
          maxLength={200}
          defaultValue={result?.values.topic}
          errors={errors.topic}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('consultations.bookAndPay')}
          </button>
        </div>
      </Form>
    </>
  )
}
