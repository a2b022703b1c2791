import {
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { OFFICE_IMPORT_KINDS, type OfficeImportKind } from '~/imports/kinds'
import { listImportBatches, previewImport } from '~/models/imports.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { requireOffice } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'importUi.title')

const MAX_FILE_BYTES = 20 * 1024 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const batches = await listImportBatches(membership.organizationId)
  return {
    organizationName: membership.organizationName,
    batches: batches.map((b) => ({ ...b, createdAt: b.createdAt.toISOString().slice(0, 16).replace('T', ' ') })),
  }
}

/** Upload → a dry-run preview of every row, kept until the office commits it. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireOffice(request)
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data({ error: 'errors.import.tooLarge' }, { status: 413 })
    throw error
  }
  await requireCsrf(request, formData)
  const kind = formData.get('kind') as OfficeImportKind
  const file = formData.get('file')
  if (!OFFICE_IMPORT_KINDS.includes(kind)) return data({ error: 'errors.import.kind' }, { status: 400 })
  if (!(file instanceof File) || file.size === 0) return data({ error: 'errors.import.noFile' }, { status: 400 })
  const outcome = await previewImport(
    { userId: user.id, organizationId: membership.organizationId },
    kind,
    file.name,
    new Uint8Array(await file.arrayBuffer()),
  )
  if (!outcome.ok) return data({ error: outcome.error }, { status: 400 })
  return redirect(`/office/import/${outcome.batchId}`)
}

export default function ImportPage() {
  const { t } = useTranslation()
  const { organizationName, batches } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  return (
    <>
      <p>
        <Link to="/office">← {t('office.title')}</Link>
      </p>
      <h1>{t('importUi.title')}</h1>
      <p className="muted">{t('importUi.intro', { org: organizationName })}</p>
      <p>
        {t('importUi.templates')}{' '}
        {OFFICE_IMPORT_KINDS.map((k) => (
          <a key={k} href={`/office/import/template?kind=${k}`} download className="template-link">
            {t(`importUi.kind.${k}`)}（.xlsx）
          </a>
        ))}
      </p>
      <Form method="post" encType="multipart/form-data" className="stack panel">
        <CsrfInput />
        <div className="field">
          <label htmlFor="import-kind">{t('importUi.kindLabel')}</label>
          <select id="import-kind" name="kind" defaultValue="results">
            {OFFICE_IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`importUi.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">{t('importUi.file')}</label>
          <input id="import-file" name="file" type="file" accept=".xlsx,.csv,.json" required />
          <span className="hint">{t('importUi.fileHint')}</span>
        </div>
        <FieldError id="import-error" errors={result?.error ? [result.error] : undefined} />
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
                <Link to={`/office/import/${b.id}`}>{b.fileName}</Link> · {t(`importUi.kind.${b.kind.toLowerCase()}`)} ·{' '}
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
