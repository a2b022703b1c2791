import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Role } from '~/generated/prisma/enums'
import { useRootData } from '~/utils/root-data'
import { CsrfInput } from './csrf-input'

const TOKENS = { to: '/settings/api-tokens', key: 'nav.apiTokens' }
const INBOX = { to: '/inbox', key: 'nav.inbox' }
const CONTRACTS = { to: '/contracts', key: 'nav.contracts' }
const PAYMENTS = { to: '/payments', key: 'nav.payments' }
const CONSULTATIONS = { to: '/consultations', key: 'nav.consultations' }
const ORGANIZATION = { to: '/settings/organization', key: 'nav.organization' }
const REVIEW = { to: '/admin/organizations', key: 'nav.review' }
const NAV: Record<Role, Array<{ to: string; key: string }>> = {
  ENTERPRISE_ADMIN: [{ to: '/enterprise', key: 'nav.enterpriseHome' }, CONTRACTS, CONSULTATIONS, ORGANIZATION, TOKENS],
  ENTERPRISE_MEMBER: [{ to: '/enterprise', key: 'nav.enterpriseHome' }, CONTRACTS],
  TTO_ADMIN: [
    { to: '/office', key: 'nav.officeHome' },
    INBOX,
    CONTRACTS,
    PAYMENTS,
    CONSULTATIONS,
    ORGANIZATION,
    TOKENS,
  ],
  TTO_MEMBER: [{ to: '/office', key: 'nav.officeHome' }, INBOX, CONTRACTS],
  EXPERT: [{ to: '/expert', key: 'nav.expertHome' }, CONSULTATIONS],
  BUREAU_STAFF: [{ to: '/bureau', key: 'nav.bureauHome' }, CONTRACTS, PAYMENTS, REVIEW, TOKENS],
  PLATFORM_ADMIN: [
    { to: '/admin', key: 'nav.adminHome' },
    { to: '/bureau', key: 'nav.bureauHome' },
    CONTRACTS,
    REVIEW,
    TOKENS,
  ],
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const next = i18n.language === 'zh' ? 'en' : 'zh'
  return (
    <Form method="post" action="/lang" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="link-button" lang={next === 'zh' ? 'zh-CN' : 'en'} data-testid="language-switch">
        {t('nav.switchLanguage')}
      </button>
    </Form>
  )
}

export function AppShell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation()
  const root = useRootData()
  const user = root?.user
  const roles = [...new Set(user?.memberships.map((m) => m.role) ?? [])]
  // Members of an organization not (or no longer) approved are told why nothing of theirs is public.
  const unverified = user?.memberships.find((m) => m.verification !== 'APPROVED' && m.role !== 'EXPERT')
  const links = [...new Map(roles.flatMap((r) => NAV[r]).map((l) => [l.to, l])).values()]
  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/search/results">{t('nav.search')}</NavLink>
            </li>
            <li>
              <NavLink to="/calls">{t('nav.calls')}</NavLink>
            </li>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to}>
                  {t(link.key)}
                  {user?.queues[link.to] ? (
                    <span className="counter" data-testid={`queue-${link.to.split('/').pop()}`}>
                      {user.queues[link.to]}
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-actions">
          <LanguageSwitch />
          {user ? (
            <>
              <Link to="/notifications" data-testid="notifications-link">
                {t('nav.notifications')}
                {user.unread ? <span className="counter">{user.unread}</span> : null}
              </Link>
              <span className="who" data-testid="current-user">
                {user.name}
                {user.memberships[0] ? ` · ${t(`roles.${user.memberships[0].role}`)}` : ''}
              </span>
              <Form method="post" action="/logout" className="inline-form">
                <CsrfInput />
                <button type="submit" className="link-button">
                  {t('nav.logout')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">{t('nav.login')}</NavLink>
              <NavLink to="/register">{t('nav.register')}</NavLink>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {unverified ? (
          <p className="notice warning-notice" role="status" data-testid="verification-banner">
            {t(`verification.banner.${unverified.verification}`)}{' '}
            <Link to="/settings/organization">{t('verification.bannerLink')}</Link>
          </p>
        ) : null}
        {children}
      </main>
      <footer className="site-footer">{t('app.footer')}</footer>
    </>
  )
}
