import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { listKpis, recordKpiValue } from '~/models/kpis.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireBureauStaff } from '~/utils/permissions.server'
import { KpiValueSchema } from '~/validation/targets'
import { beijingDate } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'kpis.title')

/** The action plan's task table: target, where it stands, progress, who is responsible. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const kpis = await listKpis()
  return {
    kpis: kpis.map((k) => ({
      id: k.id,
      seq: k.seq,
      section: k.section,
      heading: k.heading,
      description: k.description,
      departments: k.departments,
      unit: k.unit,
      targetYear: k.targetYear,
      target: k.targetValue?.toString() ?? null,
      current: k.current?.toString() ?? null,
      source: k.source,
      basis: k.basis,
      progress: k.progress,
      history: k.values.map((v) => ({
        id: v.id,
        value: v.value?.toString() ?? null,
        note: v.note,
        by: v.recordedBy.name,
        at: beijingDate(v.recordedAt),
      })),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireBureauStaff(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = KpiValueSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    return data(
      {
        ok: false as const,
        kpiId: String(formData.get('kpiId') ?? ''),
        errors: parsed.error.issues.map((i) => i.message),
      },
      { status: 400 },
    )
  }
  const { kpiId, ...input } = parsed.data
  if (!(await recordKpiValue({ userId: user.id, organizationId: membership.organizationId }, kpiId, input))) notFound()
  return { ok: true as const, kpiId, errors: [] as string[] }
}

export default function Kpis() {
  const { t } = useTranslation()
  const { kpis } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  let section = ''
  return (
    <>
      <p>
        <Link to="/bureau">← {t('bureau.title')}</Link> · <Link to="/bureau/targets">{t('kpis.targets')}</Link>
      </p>
      <h1>{t('kpis.title')}</h1>
      <p className="muted">{t('kpis.intro')}</p>
      <div className="table-wrap">
        <table data-testid="kpis">
          <thead>
            <tr>
              <th>{t('kpis.seq')}</th>
              <th>{t('kpis.task')}</th>
              <th>{t('kpis.target')}</th>
              <th>{t('kpis.current')}</th>
              <th>{t('kpis.progress')}</th>
              <th>{t('kpis.departments')}</th>
            </tr>
          </thead>
          <tbody>
            {kpis.flatMap((k) => {
              const rows = []
              if (k.section !== section) {
                section = k.section
                rows.push(
                  <tr key={`s-${k.seq}`} className="section-row">
                    <th colSpan={6}>{k.section}</th>
                  </tr>,
                )
              }
              rows.push(
                <tr key={k.id} data-testid={`kpi-${k.seq}`}>
                  <td>{k.seq}</td>
                  <td>
                    {k.heading ? <strong>{k.heading}：</strong> : null}
                    {k.description}
                    {k.history.length ? (
                      <details>
                        <summary>{t('kpis.history', { count: k.history.length })}</summary>
                        <ul className="list">
                          {k.history.map((h) => (
                            <li key={h.id}>
                              {h.at} · {h.by} · {h.value ?? '—'} {h.note ? `· ${h.note}` : ''}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                    {k.source !== 'data' ? (
                      <details open={result?.kpiId === k.id && !result.ok}>
                        <summary>{t('kpis.record')}</summary>
                        <Form method="post" className="inline-form">
                          <CsrfInput />
                          <input type="hidden" name="kpiId" value={k.id} />
                          <label>
                            {t('kpis.value')} <input name="value" inputMode="decimal" size={10} />
                          </label>{' '}
                          <label>
                            {t('kpis.note')} <input name="note" maxLength={1000} />
                          </label>{' '}
                          <button type="submit">{t('kpis.save')}</button>
                          {result?.kpiId === k.id ? (
                            <FieldError id={`kpi-${k.id}-error`} errors={result.errors} />
                          ) : null}
                        </Form>
                      </details>
                    ) : null}
                  </td>
                  <td>
                    {k.target ?? '—'} {k.target ? k.unit : ''} {k.targetYear ? `（${k.targetYear}）` : ''}
                  </td>
                  <td>
                    {k.current ?? '—'} {k.current ? k.unit : ''}{' '}
                    {k.source ? <span className="badge">{t(`kpis.source.${k.source}`)}</span> : null}
                    {k.basis ? (
                      <div className="muted">
                        {t(`basis.${k.basis.basis}`)} · {t(`dateBasis.${k.basis.dateBasis}`)}
                      </div>
                    ) : null}
                  </td>
                  <td>{k.progress === null ? '—' : `${k.progress}%`}</td>
                  <td>{k.departments.join('、') || '—'}</td>
                </tr>,
              )
              return rows
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}
