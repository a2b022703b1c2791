import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { CoverageSummary } from '~/components/need-coverage'
import { saveCuratedGroup } from '~/models/curation.server'
import { getCurationPage } from '~/models/curation-page.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireBureauStaff } from '~/utils/permissions.server'
import { ExpertGroupFormSchema, expertGroupFormValues } from '~/validation/curation'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'curation.curateTitle', { title: data?.need.title ?? '' })

/** A hard need, as bureau staff curate it (app/models/curation-page.server.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100)
  const page = await getCurationPage(params.id ?? '', q)
  if (!page) notFound()
  return { ...page, q }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireBureauStaff(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = ExpertGroupFormSchema.safeParse(expertGroupFormValues(formData))
  if (!parsed.success) {
    const errors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message)
    return data({ ok: false as const, errors, notified: 0 }, { status: 400 })
  }
  const outcome = await saveCuratedGroup(
    { userId: user.id, organizationId: membership.organizationId },
    params.id ?? '',
    parsed.data,
  )
  if (!outcome.ok && 'notFound' in outcome) notFound()
  if (!outcome.ok) {
    const errors: Record<string, string[]> = outcome.fieldErrors
    return data({ ok: false as const, errors, notified: 0 }, { status: 400 })
  }
  return { ok: true as const, errors: {} as Record<string, string[]>, notified: outcome.notified }
}

export default function CurateNeed() {
  const { t } = useTranslation()
  const { need, q, note, curatedBy, candidates } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/bureau/needs">← {t('curation.unmatched')}</Link>
      </p>
      <h1>{need.title}</h1>
      <p className="muted">
        {need.organization.name} · <span className="badge">{t(`needStatus.${need.status}`)}</span> ·{' '}
        <Link to={`/needs/${need.id}`}>{t('curation.needPage')}</Link>
      </p>
      <CoverageSummary coverage={need.coverage} />
      <section className="panel">
        <p>{need.summary}</p>
        {need.confidentialDetail ? (
          <>
            <h3>{t('need.detail')}</h3>
            <p>{need.confidentialDetail}</p>
          </>
        ) : null}
      </section>
      <h2>{t('curation.group')}</h2>
      {curatedBy ? <p className="muted">{t('curation.curatedBy', { name: curatedBy })}</p> : null}
      {result?.ok ? (
        <p className="notice" role="status">
          {t('curation.groupSaved', { count: result.notified })}
        </p>
      ) : null}
      <Form method="get" className="inline-form search-experts">
        <label htmlFor="expert-search">{t('curation.findExpert')}</label>{' '}
        <input id="expert-search" name="q" defaultValue={q} placeholder={t('curation.findHint')} />{' '}
        <button type="submit">{t('search.submit')}</button>
      </Form>
      <Form method="post" className="stack panel wide">
        <CsrfInput />
        <FieldError id="members-error" errors={result?.errors.members} />
        <div className="table-wrap">
          <table data-testid="group-candidates">
            <thead>
              <tr>
                <th>{t('curation.choose')}</th>
                <th>{t('curation.expert')}</th>
                <th>{t('curation.confidence')}</th>
                <th>{t('curation.aspects')}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="member"
                      value={c.id}
                      id={`member-${c.id}`}
                      defaultChecked={c.chosen}
                      aria-label={c.name}
                    />
                  </td>
                  <td>
                    <label htmlFor={`member-${c.id}`}>
                      <Link to={`/experts/${c.id}`}>{c.name}</Link>
                    </label>{' '}
                    <span className="muted">· {c.institution}</span>{' '}
                    {c.notified ? <span className="badge">{t('curation.notified')}</span> : null}
                  </td>
                  <td>{c.confidence ? t('match.confidence', { value: c.confidence }) : '—'}</td>
                  <td>
                    <input
                      name={`aspects.${c.id}`}
                      defaultValue={c.aspects}
                      aria-label={t('curation.aspectsOf', { name: c.name })}
                      maxLength={100}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="field">
          <label htmlFor="note">{t('curation.note')}</label>
          <textarea id="note" name="note" rows={2} defaultValue={note} maxLength={500} />
          <FieldError id="note-error" errors={result?.errors.note} />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="notify" defaultChecked />
          {t('curation.notify')}
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            {t('curation.saveGroup')}
          </button>
        </div>
      </Form>
    </>
  )
}
