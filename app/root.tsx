import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { createI18n, DEFAULT_LOCALE, type Locale } from '~/i18n'
import { getLocale } from '~/i18n/locale.server'
import { getCsrfToken } from '~/utils/csrf.server'
import { getSessionUser } from '~/utils/session.server'
import { AppShell } from '~/components/app-shell'
import { useRootData } from '~/utils/root-data'
import { useNonce } from '~/utils/nonce'
import stylesheet from '~/styles/app.css?url'
import { countAwaitingRegistration } from '~/contracts/lists.server'
import { countPendingOrganizations } from '~/models/verification.server'
import { isBureau } from '~/utils/permissions.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user, csrf] = await Promise.all([getLocale(request), getSessionUser(request), getCsrfToken(request)])
  const reviewer = isBureau(user)
  // Bureau staff see their queues in the header: submissions to register, organizations to review.
  const [awaitingRegistration, pendingReview] = await Promise.all([
    reviewer ? countAwaitingRegistration() : 0,
    reviewer ? countPendingOrganizations() : 0,
  ])
  const headers = new Headers()
  if (csrf.setCookie) headers.append('Set-Cookie', csrf.setCookie)
  return data(
    {
      locale,
      csrf: csrf.token,
      user: user && {
        name: user.name,
        email: user.email,
        memberships: user.memberships.map((m) => ({
          role: m.role,
          organizationName: m.organizationName,
          verification: m.verification,
        })),
        unread: user.unread,
        queues: { '/contracts': awaitingRegistration, '/admin/organizations': pendingReview } as Record<string, number>,
      },
    },
    { headers },
  )
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData()
  const locale: Locale = root?.locale ?? DEFAULT_LOCALE
  const i18n = useMemo(() => createI18n(locale), [locale])
  const nonce = useNonce()
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const key = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : 'generic'
  if (!isRouteErrorResponse(error)) console.error(error)
  return (
    <AppShell>
      <section className="panel error-page" role="alert">
        <h1>{t(`errorPage.${key}.title`)}</h1>
        <p>{t(`errorPage.${key}.body`)}</p>
        <a href="/">{t('errorPage.home')}</a>
      </section>
    </AppShell>
  )
}
