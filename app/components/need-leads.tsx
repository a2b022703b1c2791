import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

interface Lead {
  needId: string
  title: string
  enterprise: string
  confidence: number
  reasons: Array<{ zh: string; en: string }>
}

/** Open needs an offer could answer (reverse matching), with the reasons. */
export function NeedLeads({ leads, action }: { leads: Lead[]; action?: (needId: string) => React.ReactNode }) {
  const { t, i18n } = useTranslation()
  if (leads.length === 0) return <p className="muted">{t('leads.none')}</p>
  return (
    <ol className="match-list" data-testid="need-leads">
      {leads.map((lead) => (
        <li key={lead.needId}>
          <Link to={`/needs/${lead.needId}`}>
            <strong>{lead.title}</strong>
          </Link>{' '}
          <span className="muted">· {lead.enterprise}</span>{' '}
          <span className="confidence">{t('match.confidence', { value: lead.confidence })}</span>
          <ul className="reasons">
            {lead.reasons.map((r, i) => (
              <li key={i}>{i18n.language === 'zh' ? r.zh : r.en}</li>
            ))}
          </ul>
          {action ? action(lead.needId) : null}
        </li>
      ))}
    </ol>
  )
}
