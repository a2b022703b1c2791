import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from './csrf-input'

/**
 * "请求对接" on a result's or an expert's page: an enterprise picks the need it concerns (or posts
 * one) and writes a message; others are told how to get there.
 */
export function ListingIntroRequest({
  needs,
  signedIn,
}: {
  needs: Array<{ id: string; title: string }> | null
  signedIn: boolean
}) {
  const { t } = useTranslation()
  const result = useActionData<{ error?: string }>()
  const busy = useNavigation().state !== 'idle'
  if (!needs) {
    return (
      <p className="muted" data-testid="intro-request-hint">
        {signedIn ? t('listingIntro.enterprisesOnly') : t('listingIntro.signIn')}
      </p>
    )
  }
  return (
    <section className="panel" aria-labelledby="listing-intro-heading" data-testid="listing-intro">
      <h2 id="listing-intro-heading">{t('listingIntro.title')}</h2>
      {needs.length === 0 ? (
        <p>
          {t('listingIntro.noNeed')} <Link to="/needs/new">{t('listingIntro.postNeed')}</Link>
        </p>
      ) : (
        <Form method="post" className="stack">
          <CsrfInput />
          <label className="field">
            <span>{t('listingIntro.need')}</span>
            <select name="needId" required defaultValue={needs[0].id}>
              {needs.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('listingIntro.message')}</span>
            <textarea name="message" rows={4} required minLength={10} maxLength={1000} />
          </label>
          {result?.error ? (
            <p className="form-error" role="alert">
              {t(result.error)}
            </p>
          ) : null}
          <p className="muted">
            {t('listingIntro.orPost')} <Link to="/needs/new">{t('listingIntro.postNeed')}</Link>
          </p>
          <button type="submit" className="button primary" disabled={busy}>
            {t('listingIntro.send')}
          </button>
        </Form>
      )}
    </section>
  )
}
