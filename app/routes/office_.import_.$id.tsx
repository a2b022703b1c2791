import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { COLUMNS, type ImportKindName } from '~/imports/kinds'
import { commitImport, getImportBatch, remapImport, type StoredReport } from '~/models/imports.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireOffice } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'importUi.previewTitle')

/** One upload of the office: its preview, the column mapping, the commit and its progress. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const batch = await getImportBatch(params.id ?? '', membership.organizationId)
  if (!batch) notFound()
  const kind = batch.kind.toLowerCase() as ImportKindName
  return {
    batch: { ...batch, createdAt: batch.createdAt.toISOString() },
    report: batch.report as unknown as StoredReport | null,
    columns: COLUMNS[kind].map((c) => ({ key: c.key, zh: c.zh })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireOffice(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const actor = { userId: user.id, organizationId: membership.organizationId }
  const batch = await getImportBatch(params.id ?? '', membership.organizationId)
  if (!batch) notFound()
  if (formData.get('intent') === 'remap') {
    const mapping: Record<string, string> = {}
    for (const [name, value] of formData) {
      if (name.startsWith('map:') && typeof value === 'string' && value) mapping[name.slice(4)] = value
    }
    if (!(await remapImport(actor, batch.id, mapping)))
      return data({ error: 'errors.import.notPreviewed' }, { status: 409 })
    return { error: null }
  }
  if (!(await commitImport(actor, batch.id))) return data({ error: 'errors.import.hasErrors' }, { status: 409 })
  return { error: null }
}

export default function ImportPreview() {
  const { t } = useTranslation()
  const { batch, report, columns } = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  const running = batch.status === 'RUNNING'
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), 1000)
    return () => clearInterval(timer)
  }, [running, revalidator])
  const errors = report?.errors ?? []
  const warnings = report?.warnings ?? []
  return (
    <>
      <p>
        <Link to="/office/import">← {t('importUi.title')}</Link>
      </p>
      <h1>{t('importUi.previewTitle')}</h1>
      <p className="muted">
        {batch.fileName} · {t('importUi.rows', { count: batch.rowCount })} ·{' '}
        <span className="badge" data-testid="import-status">
          {t(`importUi.status.${batch.status}`)}
        </span>
      </p>
      {running ? (
        <p>
          <progress max={batch.rowCount} value={batch.progress} aria-label={t('importUi.progress')} />{' '}
          {t('importUi.progressText', { done: batch.progress, total: batch.rowCount })}
        </p>
      ) : null}
      {batch.status === 'COMMITTED' ? (
        <p className="notice" role="status">
          {t('importUi.committed', {
            created: (report as unknown as { created: number })?.created ?? 0,
            updated: (report as unknown as { updated: number })?.updated ?? 0,
          })}{' '}
          <Link to="/search/results">{t('importUi.seeInSearch')}</Link>
        </p>
      ) : null}
      {batch.status === 'PREVIEWED' && report ? (
        <>
          <p data-testid="import-summary">
            {errors.length
              ? t('importUi.hasErrors', { count: errors.length })
              : t('importUi.ready', { created: report.created, updated: report.updated })}
          </p>
          {report.unknownHeaders.length ? (
            <Form method="post" className="panel stack">
              <CsrfInput />
              <input type="hidden" name="intent" value="remap" />
              <p>{t('importUi.mappingIntro')}</p>
              {report.unknownHeaders.map((header) => (
                <label key={header} className="field">
                  {t('importUi.mapHeader', { header })}
                  <select name={`map:${header}`} defaultValue="">
                    <option value="">{t('importUi.ignore')}</option>
                    {columns.map((c) => (
                      <option key={c.key} value={c.key}>
                        {c.zh}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <button type="submit">{t('importUi.applyMapping')}</button>
            </Form>
          ) : null}
          {errors.length ? (
            <div className="table-wrap">
              <table data-testid="import-errors">
                <caption>{t('importUi.errors')}</caption>
                <thead>
                  <tr>
                    <th>{t('importUi.row')}</th>
                    <th>{t('importUi.column')}</th>
                    <th>{t('importUi.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {errors.slice(0, 500).map((e, i) => (
                    <tr key={i}>
                      <td>{e.row}</td>
                      <td>{e.column}</td>
                      <td>{t(e.key, e.params ?? {})}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="commit" />
              <button type="submit" className="primary">
                {t('importUi.commit', { count: batch.rowCount })}
              </button>
            </Form>
          )}
          {warnings.length ? (
            <details>
              <summary>{t('importUi.warnings', { count: warnings.length })}</summary>
              <ul className="list">
                {warnings.slice(0, 200).map((w, i) => (
                  <li key={i}>
                    {t('importUi.at', { row: w.row, column: w.column })}：{t(w.key, w.params ?? {})}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {errors.length ? <p className="muted">{t('importUi.fixAndUpload')}</p> : null}
        </>
      ) : null}
      {batch.status === 'FAILED' ? <p className="form-error">{t('importUi.failed')}</p> : null}
    </>
  )
}
