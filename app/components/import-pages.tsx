import { Form, Link, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from './csrf-input'
import type { StoredReport } from '~/imports/batches.server'

/** The upload page of the browser import: templates, the file, earlier uploads. */
export function ImportUploadView({
  base,
  back,
  backLabel,
  intro,
  kinds,
  exportBase,
  organizationName,
  batches,
  result,
}: {
  base: string
  back: string
  backLabel: string
  intro: string
  kinds: string[]
  exportBase?: string | null
  organizationName: string
  batches: Array<{ id: string; fileName: string; kind: string; rowCount: number; status: string; createdAt: string }>
  result?: { error?: string | null; params?: Record<string, unknown> }
}) {
  const { t } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  return (
    <>
      <p>
        <Link to={back}>← {t(backLabel)}</Link>
      </p>
      <h1>{t('importUi.title')}</h1>
      <p className="muted">{t(intro, { org: organizationName })}</p>
      <p>
        {t('importUi.templates')}{' '}
        {kinds.map((k) => (
          <a key={k} href={`${base}/template?kind=${k}`} download className="template-link">
            {t(`importUi.kind.${k}`)}（.xlsx）
          </a>
        ))}
      </p>
      {exportBase ? (
        <p data-testid="catalogue-export">
          {t('importUi.exports')}{' '}
          {kinds.map((k) =>
            (['xlsx', 'csv'] as const).map((format) => (
              <a
                key={`${k}-${format}`}
                href={`${exportBase}?kind=${k}&format=${format}`}
                download
                className="template-link"
              >
                {t(`importUi.kind.${k}`)}（.{format}）
              </a>
            )),
          )}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack panel">
        <CsrfInput />
        <div className="field">
          <label htmlFor="import-kind">{t('importUi.kindLabel')}</label>
          <select id="import-kind" name="kind" defaultValue={kinds[0]}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`importUi.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">{t('importUi.file')}</label>
          <input id="import-file" name="file" type="file" accept=".xlsx,.csv,.txt,.json" required />
          <span className="hint">{t('importUi.fileHint')}</span>
        </div>
        {result?.error ? (
          <span id="import-error" className="error" role="alert">
            {t(result.error, result.params ?? {})}
          </span>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('importUi.checking') : t('importUi.preview')}
        </button>
      </Form>
      {batches.length ? (
        <>
          <h2>{t('importUi.history')}</h2>
          <ul className="list">
            {batches.map((b) => (
              <li key={b.id}>
                <Link to={`${base}/${b.id}`}>{b.fileName}</Link> · {t(`importUi.kind.${b.kind.toLowerCase()}`)} ·{' '}
                {t('importUi.rows', { count: b.rowCount })} ·{' '}
                <span className="badge">{t(`importUi.status.${b.status}`)}</span>{' '}
                <span className="muted">{b.createdAt}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}

/** One upload: its preview, the column mapping, the commit and its progress. */
export function ImportBatchView({
  base,
  batch,
  report,
  columns,
}: {
  base: string
  batch: { fileName: string; rowCount: number; status: string; progress: number; kind: string; interrupted: boolean }
  report: StoredReport | null
  columns: Array<{ key: string; zh: string }>
}) {
  const { t } = useTranslation()
  const revalidator = useRevalidator()
  const running = batch.status === 'RUNNING'
  const checking = batch.status === 'CHECKING'
  useEffect(() => {
    if (!running && !checking) return
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), 1000)
    return () => clearInterval(timer)
  }, [running, checking, revalidator])
  const errors = report?.errors ?? []
  const warnings = report?.warnings ?? []
  return (
    <>
      <p>
        <Link to={base}>← {t('importUi.title')}</Link>
      </p>
      <h1>{t('importUi.previewTitle')}</h1>
      <p className="muted">
        {batch.fileName} · {t('importUi.rows', { count: batch.rowCount })} ·{' '}
        <span className="badge" data-testid="import-status">
          {t(`importUi.status.${batch.status}`)}
        </span>
      </p>
      {checking ? (
        <p data-testid="import-checking">
          {batch.rowCount ? (
            <>
              <progress max={batch.rowCount} value={batch.progress} aria-label={t('importUi.progress')} />{' '}
              {t('importUi.checkingText', { done: batch.progress, total: batch.rowCount })}
            </>
          ) : (
            t('importUi.checkingStart')
          )}
        </p>
      ) : null}
      {running ? (
        <p>
          <progress max={batch.rowCount} value={batch.progress} aria-label={t('importUi.progress')} />{' '}
          {t('importUi.progressText', { done: batch.progress, total: batch.rowCount })}
          {batch.interrupted ? (
            <>
              {' '}
              <span className="badge warning" data-testid="import-interrupted">
                {t('importUi.interrupted')}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      {batch.status === 'COMMITTED' ? (
        <p className="notice" role="status">
          {t(batch.kind === 'CONTRACTS' ? 'importUi.committedRegistry' : 'importUi.committed', {
            created: (report as unknown as { created: number })?.created ?? 0,
            updated: (report as unknown as { updated: number })?.updated ?? 0,
          })}{' '}
          {batch.kind === 'CONTRACTS' ? (
            <Link to="/bureau/reconciliation">{t('importUi.toReconciliation')}</Link>
          ) : (
            <Link to="/search/results">{t('importUi.seeInSearch')}</Link>
          )}
        </p>
      ) : null}
      {batch.status === 'PREVIEWED' && report ? (
        <>
          <p data-testid="import-summary">
            {errors.length
              ? t('importUi.hasErrors', { count: errors.length })
              : t(batch.kind === 'CONTRACTS' ? 'importUi.readyRegistry' : 'importUi.ready', {
                  created: report.created,
                  updated: report.updated,
                })}
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
