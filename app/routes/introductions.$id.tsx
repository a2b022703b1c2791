import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { IntroResponse } from '~/components/intro-response'
import { getIntroduction } from '~/introductions/queries.server'
import { postIntroductionMessage, respondToIntroduction } from '~/introductions/responses.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { CONTRACT_ROLES, mayAnswerIntroduction, notFound, requireUser } from '~/utils/permissions.server'
import { IntroductionActionSchema } from '~/validation/introductions'
import { beijingDateTime } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'intro.title', { need: data?.intro.need.title ?? '' })

/** The introduction's two organizations see it; for everyone else it does not exist (404). */
async function party(request: Request, id: string) {
  const user = await requireUser(request)
  for (const membership of user.memberships) {
    const intro = await getIntroduction(id, { userId: user.id, ...membership })
    if (intro) return { user, membership, intro }
  }
  notFound()
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership, intro } = await party(request, params.id ?? '')
  return {
    intro: {
      ...intro,
      responseDeadline: beijingDateTime(intro.responseDeadline),
      messages: intro.messages.map((m) => ({
        id: m.id,
        body: m.body,
        author: m.author.name,
        org: m.authorOrg.name,
        at: beijingDateTime(m.createdAt),
      })),
    },
    canDraftContract: intro.status === 'ACCEPTED' && CONTRACT_ROLES.includes(membership.role),
    canRespond: mayAnswerIntroduction(membership, intro) && intro.status === 'REQUESTED' && !intro.overdue,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership, intro } = await party(request, params.id ?? '')
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const actor = { userId: user.id, organizationId: membership.organizationId, role: membership.role }
  const submission = parseWithZod(formData, { schema: IntroductionActionSchema })
  if (submission.status !== 'success') return data({ error: submission.error }, { status: 400 })
  const input = submission.value
  const outcome = await (() => {
    switch (input.intent) {
      case 'respond':
        // Only the side the request is addressed to answers it; to the other it is not there.
        if (!mayAnswerIntroduction(membership, intro)) notFound()
        return respondToIntroduction(actor, intro.id, input)
      case 'message':
        return postIntroductionMessage(actor, intro.id, input.body)
    }
  })()
  if (!outcome.ok) return data({ error: { '': [outcome.error] } }, { status: 409 })
  return { error: null }
}

export default function IntroductionPage() {
  const { t } = useTranslation()
  const { intro, canRespond, canDraftContract } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors: Record<string, string[] | null | undefined> = result?.error ?? {}
  const accepted = intro.status === 'ACCEPTED'
  return (
    <>
      <h1>{t('intro.title', { need: intro.need.title })}</h1>
      <p className="muted">
        {intro.direction === 'OFFER' ? (
          <span className="badge" data-testid="offer-badge">
            {t('intro.offer')}
          </span>
        ) : null}{' '}
        {intro.direction === 'OFFER'
          ? `${t('intro.from', { org: intro.targetOrg.name })} · ${t('intro.to', { org: intro.requesterOrg.name })}`
          : `${t('intro.from', { org: intro.requesterOrg.name })} · ${t('intro.to', { org: intro.targetOrg.name })}`}{' '}
        · {t('intro.about', { target: intro.expert?.name ?? intro.result?.title ?? '' })} ·{' '}
        <span className="badge">{t(`intro.status.${intro.status}`)}</span>{' '}
        {intro.overdue ? <span className="badge warning">{t('intro.overdue')}</span> : null}
      </p>
      <p className="muted">{t('intro.deadline', { date: intro.responseDeadline })}</p>
      {canDraftContract ? (
        <p>
          <Link to={`/contracts/new?introduction=${intro.id}`} className="button primary">
            {t('intro.draftContract')}
          </Link>
        </p>
      ) : null}
      <FieldError id="intro-error" errors={errors[''] ?? undefined} />
      <section className="panel">
        <p>{intro.message}</p>
        <h2>{t('intro.needSummary')}</h2>
        <p>{intro.need.summary}</p>
        {accepted ? (
          <>
            <h2>{t('intro.confidential')}</h2>
            <p data-testid="confidential-detail">{intro.need.confidentialDetail ?? '—'}</p>
            <h2>{t('intro.contacts')}</h2>
            <ul className="list" data-testid="contacts">
              {[intro.targetOrg, intro.requesterOrg].map((org) => (
                <li key={org.id} data-testid={`org-contact-${org.id === intro.targetOrg.id ? 'target' : 'requester'}`}>
                  {org.contactName
                    ? t('intro.orgContact', { organization: org.name, name: org.contactName })
                    : t('intro.noOrgContact', { organization: org.name })}
                  {org.contactPhone ? ` · ${t('intro.phone', { value: org.contactPhone })}` : ''}
                  {org.contactEmail ? ` · ${t('intro.email', { value: org.contactEmail })}` : ''}
                </li>
              ))}
              <li>
                {t(intro.direction === 'OFFER' ? 'intro.offeredBy' : 'intro.requesterContact', {
                  name: intro.requestedBy.name,
                })}
                {intro.requestedBy.email ? ` · ${t('intro.email', { value: intro.requestedBy.email })}` : ''}
                {intro.requestedBy.phone ? ` · ${t('intro.phone', { value: intro.requestedBy.phone })}` : ''}
              </li>
              {intro.expert ? (
                <li>
                  {t('intro.expertContact', { name: intro.expert.name })}
                  {intro.expert.email ? ` · ${t('intro.email', { value: intro.expert.email })}` : ''}
                  {intro.expert.phone ? ` · ${t('intro.phone', { value: intro.expert.phone })}` : ''}
                </li>
              ) : null}
            </ul>
          </>
        ) : (
          <p className="muted">{t('intro.hiddenUntilAccepted')}</p>
        )}
        {intro.status === 'DECLINED' && intro.declineReason ? (
          <p>
            {t('intro.declinedBecause', { reason: t(`intro.reasons.${intro.declineReason}`) })}
            {intro.declineNote ? `（${intro.declineNote}）` : ''}
          </p>
        ) : null}
      </section>
      {canRespond ? <IntroResponse action={`/introductions/${intro.id}`} /> : null}
      {accepted ? (
        <section aria-labelledby="thread-heading">
          <h2 id="thread-heading">{t('intro.thread')}</h2>
          {intro.messages.length === 0 ? <p className="muted">{t('intro.noMessages')}</p> : null}
          <ol className="list" data-testid="thread">
            {intro.messages.map((m) => (
              <li key={m.id}>
                <strong>
                  {m.author} · {m.org}
                </strong>{' '}
                <span className="muted">{m.at}</span>
                <p>{m.body}</p>
              </li>
            ))}
          </ol>
          {/* Keyed by the message count, so the box empties once the message is posted. */}
          <Form method="post" className="stack" key={intro.messages.length}>
            <CsrfInput />
            <input type="hidden" name="intent" value="message" />
            <label htmlFor="message-body">{t('intro.writeMessage')}</label>
            <textarea id="message-body" name="body" rows={3} maxLength={2000} required />
            <FieldError id="message-body-error" errors={errors.body ?? undefined} />
            <button type="submit" className="primary">
              {t('intro.sendMessage')}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to={intro.side === 'requester' ? `/needs/${intro.need.id}` : '/inbox'}>← {t('intro.back')}</Link>
      </p>
    </>
  )
}
