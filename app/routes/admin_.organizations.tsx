import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { regionName } from '~/data/regions'
import { countPendingOrganizations, decideVerification, listForReview } from '~/models/verification.server'
import { VERIFICATION_DECISIONS, type VerificationDecision } from '~/models/verification-states'
import { mayBeMerged, mergeOrganization } from '~/models/organization-merge.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { requireReviewer } from '~/utils/permissions.server'
import { beijingDateTime } from '~/utils/format'
import { VERIFICATION_STATES, VerificationDecisionSchema } from '~/validation/verification'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'verification.reviewTitle')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReviewer(request)
  const state = new URL(request.url).searchParams.get('state')
  const filter = VERIFICATION_STATES.find((s) => s === state)
  const [organizations, pending] = await Promise.all([listForReview(filter), countPendingOrganizations()])
  return {
    pending,
    organizations: organizations.map((o) => ({
      ...o,
      createdAt: beijingDateTime(o.createdAt),
      documents: o.documents.map((d) => ({ ...d, createdAt: beijingDateTime(d.createdAt) })),
      mergeable: mayBeMerged(o),
      decisions: (Object.keys(VERIFICATION_DECISIONS) as VerificationDecision[]).filter((d) =>
        (VERIFICATION_DECISIONS[d].from as readonly string[]).includes(o.verification),
      ),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireReviewer(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = VerificationDecisionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const organizationId = String(formData.get('organizationId') ?? '')
    const code = parsed.error.issues.find((i) => i.path[0] === 'targetCreditCode')
    return data({ organizationId, error: code?.message ?? 'errors.verification.note' }, { status: 400 })
  }
  const decision = parsed.data
  const reviewer = { userId: user.id, organizationId: membership.organizationId }
  if (decision.intent === 'merge') {
    const merged = await mergeOrganization(reviewer, decision.organizationId, decision.targetCreditCode, decision.seen)
    if (!merged.ok && merged.error === 'notFound') throw new Response('Not Found', { status: 404 })
    if (!merged.ok)
      return data({ organizationId: decision.organizationId, error: `errors.merge.${merged.error}` }, { status: 409 })
    return { organizationId: decision.organizationId, error: null }
  }
  const outcome = await decideVerification(
    reviewer,
    decision.organizationId,
    decision.intent,
    'note' in decision ? decision.note : null,
    decision.seen,
  )
  if (!outcome.ok && outcome.error === 'notFound') throw new Response('Not Found', { status: 404 })
  if (!outcome.ok) {
    const error = outcome.error === 'note' ? 'errors.verification.note' : 'errors.verification.state'
    return data({ organizationId: decision.organizationId, error }, { status: 409 })
  }
  return { organizationId: decision.organizationId, error: null }
}

const NEEDS_NOTE: VerificationDecision[] = ['reject', 'suspend']

export default function ReviewOrganizations() {
  const { t } = useTranslation()
  const { organizations, pending } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const current = params.get('state') ?? ''
  return (
    <>
      <h1>{t('verification.reviewTitle')}</h1>
      <p className="muted">{t('verification.reviewLead')}</p>
      <nav className="tabs" aria-label={t('verification.filter')}>
        {['', ...VERIFICATION_STATES].map((s) => (
          <Link key={s || 'all'} to={s ? `?state=${s}` : '?'} aria-current={current === s ? 'page' : undefined}>
            {s ? t(`verification.states.${s}`) : t('verification.all')}
            {s === 'PENDING' && pending ? <span className="counter">{pending}</span> : null}
          </Link>
        ))}
      </nav>
      {organizations.length === 0 ? <p className="muted">{t('verification.empty')}</p> : null}
      <ul className="list review-list" data-testid="review-list">
        {organizations.map((o) => (
          <li key={o.id} id={`org-${o.id}`} className="panel" data-testid="review-item">
            <h2>
              {o.name}{' '}
              <span className="badge" data-testid="verification-state">
                {t(`verification.states.${o.verification}`)}
              </span>
            </h2>
            <p className="muted">
              {t(`orgKinds.${o.kind}`)} · {t('fields.creditCode')} {o.creditCode ?? t('verification.noCreditCode')} ·{' '}
              {regionName(o.regionCode)} · {t('verification.registeredAt', { at: o.createdAt })}
            </p>
            <p className="muted">
              {t('verification.counts', {
                members: o._count.memberships,
                needs: o._count.needs,
                results: o._count.results,
                experts: o._count.experts,
              })}
            </p>
            {o.mergedInto ? (
              <p>
                {t('verification.mergedInto', { name: `${o.mergedInto.name}（${o.mergedInto.creditCode ?? ''}）` })}
              </p>
            ) : o.verificationNote ? (
              <p>
                <strong>{t('verification.note')}：</strong>
                {o.verificationNote}
              </p>
            ) : null}
            <p>
              <strong>{t('verification.documents')}：</strong>
              {o.documents.length === 0 ? <span className="muted">{t('verification.noDocuments')}</span> : null}
              {o.documents.map((d) => (
                <span key={d.id}>
                  <a href={`/organizations/${o.id}/documents/${d.id}`}>{d.fileName}</a>{' '}
                  <span className="muted">({d.createdAt}) </span>
                </span>
              ))}
            </p>
            {result?.organizationId === o.id && result.error ? (
              <p className="form-error" role="alert">
                {t(result.error)}
              </p>
            ) : null}
            <div className="actions">
              {o.decisions.map((decision) => (
                <Form method="post" key={decision} className="inline-form review-decision">
                  <CsrfInput />
                  <input type="hidden" name="organizationId" value={o.id} />
                  <input type="hidden" name="seen" value={o.verification} />
                  {NEEDS_NOTE.includes(decision) ? (
                    <label>
                      <span className="visually-hidden">{t('verification.note')}</span>
                      <input
                        name="note"
                        required
                        minLength={2}
                        maxLength={500}
                        placeholder={t(`verification.notePlaceholder.${decision}`)}
                      />
                    </label>
                  ) : null}
                  <button
                    type="submit"
                    name="intent"
                    value={decision}
                    className={decision === 'approve' || decision === 'reinstate' ? 'button primary' : 'button'}
                  >
                    {t(`verification.decisions.${decision}`)}
                  </button>
                </Form>
              ))}
            </div>
            {o.mergeable ? (
              <Form method="post" className="inline-form review-merge" data-testid="merge-form">
                <CsrfInput />
                <input type="hidden" name="organizationId" value={o.id} />
                <input type="hidden" name="seen" value={o.verification} />
                <p className="muted">{t('verification.mergeHint')}</p>
                <label>
                  {t('verification.mergeCode')}{' '}
                  <input name="targetCreditCode" required minLength={18} maxLength={18} autoComplete="off" />
                </label>{' '}
                <button type="submit" name="intent" value="merge" className="button">
                  {t('verification.merge')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}
