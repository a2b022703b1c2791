import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { parseWithZod } from '@conform-to/zod/v4'
import { CsrfInput } from '~/components/csrf-input'
import { InputFor } from '~/components/field'
import { useZodForm, ZodForm } from '~/components/zod-form'
import { parseUpload } from '~/utils/uploads.server'
import { saveOrganizationProfile } from '~/models/organizations.server'
import {
  BankAccountSchema,
  OrganizationContactSchema,
  OrganizationProfileActionSchema,
} from '~/validation/verification'
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPES,
  getOwnVerification,
  storeVerificationDocument,
} from '~/models/verification.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireOrganizationAdmin } from '~/utils/permissions.server'
import { beijingDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'verification.ownTitle')

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOrganizationAdmin(request)
  const organization = await getOwnVerification(membership.organizationId)
  if (!organization) notFound()
  return {
    organization: {
      ...organization,
      verifiedAt: organization.verifiedAt ? beijingDateTime(organization.verifiedAt) : null,
      documents: organization.documents.map((d) => ({ ...d, createdAt: beijingDateTime(d.createdAt) })),
    },
  }
}

/** PDF and images are told apart by their first bytes, not by the name or type the browser gives. */
function sniff(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf'
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireOrganizationAdmin(request)
  const actor = { userId: user.id, organizationId: membership.organizationId }
  if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    const formData = await request.formData()
    await requireCsrf(request, formData)
    const submission = parseWithZod(formData, { schema: OrganizationProfileActionSchema })
    // Each form on the page shows its own answer (the contact form's, unless it was the account).
    const reply = (intent: unknown) => ({
      error: null,
      contact: intent === 'bank' ? null : submission.reply(),
      bank: intent === 'bank' ? submission.reply() : null,
    })
    if (submission.status !== 'success') return data(reply(submission.payload.intent), { status: 400 })
    const { intent, ...profile } = submission.value
    await saveOrganizationProfile(actor, profile)
    return reply(intent)
  }
  const upload = await parseUpload(request, DOCUMENT_MAX_BYTES)
  if (!upload) return data({ error: 'errors.document.tooLarge', contact: null, bank: null }, { status: 413 })
  try {
    await requireCsrf(request, upload.formData)
    const file = upload.file('document')
    if (!file) return data({ error: 'errors.document.missing', contact: null, bank: null }, { status: 400 })
    const bytes = await file.bytes()
    const type = sniff(bytes)
    if (!type || !(type in DOCUMENT_TYPES)) {
      return data({ error: 'errors.document.type', contact: null, bank: null }, { status: 400 })
    }
    await storeVerificationDocument(actor, { name: file.name, type, bytes })
    return { error: null, contact: null, bank: null }
  } finally {
    await upload.dispose()
  }
}

export default function OrganizationSettings() {
  const { t } = useTranslation()
  const { organization } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const uploaded = result && !result.contact && !result.bank && !result.error
  const [bankForm, b] = useZodForm(BankAccountSchema, result?.bank, {
    bankAccountName: organization.bankAccountName ?? organization.name,
    bankName: organization.bankName ?? '',
    bankAccountNumber: organization.bankAccountNumber ?? '',
  })
  const [form, f] = useZodForm(OrganizationContactSchema, result?.contact, {
    contactName: organization.contactName ?? '',
    contactPhone: organization.contactPhone ?? '',
    contactEmail: organization.contactEmail ?? '',
  })
  return (
    <>
      <h1>{t('verification.ownTitle')}</h1>
      <section className="panel">
        <h2>{organization.name}</h2>
        <p>
          {t(`orgKinds.${organization.kind}`)} · {t('fields.creditCode')} {organization.creditCode ?? '—'}
        </p>
        <p>
          <strong>{t('verification.state')}：</strong>
          <span className="badge" data-testid="own-verification">
            {t(`verification.states.${organization.verification}`)}
          </span>{' '}
          {organization.verifiedAt ? (
            <span className="muted">{t('verification.approvedAt', { at: organization.verifiedAt })}</span>
          ) : null}
        </p>
        <p className="muted">{t(`verification.explain.${organization.verification}`)}</p>
        {organization.verificationNote ? (
          <p>
            <strong>{t('verification.note')}：</strong>
            {organization.verificationNote}
          </p>
        ) : null}
      </section>
      <section className="panel">
        <h2>{t('contact.title')}</h2>
        <p className="muted">{t('contact.help')}</p>
        <ZodForm form={form} className="stack">
          <input type="hidden" name="intent" value="contact" />
          <InputFor label={t('contact.name')} meta={f.contactName} />
          <InputFor label={t('contact.phone')} hint={t('contact.phoneHint')} meta={f.contactPhone} />
          <InputFor label={t('contact.email')} meta={f.contactEmail} />
          {result?.contact?.status === 'success' ? (
            <p className="notice" role="status">
              {t('contact.saved')}
            </p>
          ) : null}
          <button type="submit" className="button primary">
            {t('contact.save')}
          </button>
        </ZodForm>
      </section>
      <section className="panel">
        <h2>{t('bank.title')}</h2>
        <p className="muted">{t('bank.help')}</p>
        <ZodForm form={bankForm} className="stack">
          <input type="hidden" name="intent" value="bank" />
          <InputFor label={t('bank.accountName')} meta={b.bankAccountName} />
          <InputFor label={t('bank.bankName')} hint={t('bank.bankNameHint')} meta={b.bankName} />
          <InputFor label={t('bank.accountNumber')} meta={b.bankAccountNumber} />
          {result?.bank?.status === 'success' ? (
            <p className="notice" role="status">
              {t('bank.saved')}
            </p>
          ) : null}
          <button type="submit" className="button primary">
            {t('bank.save')}
          </button>
        </ZodForm>
      </section>
      <section className="panel">
        <h2>{t('verification.documents')}</h2>
        <p className="muted">{t('verification.documentHelp')}</p>
        {organization.documents.length ? (
          <ul className="list">
            {organization.documents.map((d) => (
              <li key={d.id}>
                <a href={`/organizations/${organization.id}/documents/${d.id}`}>{d.fileName}</a>{' '}
                <span className="muted">
                  {d.createdAt} · {Math.ceil(d.size / 1024)} KB · SHA-256 {d.sha256.slice(0, 12)}…
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('verification.noDocuments')}</p>
        )}
        <Form method="post" encType="multipart/form-data" className="stack">
          <CsrfInput />
          <label className="field">
            <span>{t('verification.upload')}</span>
            <input type="file" name="document" accept=".pdf,.png,.jpg,.jpeg" required />
          </label>
          {result?.error ? (
            <p className="form-error" role="alert">
              {t(result.error)}
            </p>
          ) : null}
          {uploaded ? (
            <p className="notice" role="status">
              {t('verification.uploaded')}
            </p>
          ) : null}
          <button type="submit" className="button primary">
            {t('verification.uploadButton')}
          </button>
        </Form>
      </section>
    </>
  )
}
