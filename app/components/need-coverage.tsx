import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { BestMatch, NeedCoverage } from '~/matching/coverage.server'

/** A need's best stored match: its name linking to its page, and its confidence; "—" without one. */
export function BestMatchCell({ best }: { best: BestMatch | null }) {
  const { t } = useTranslation()
  if (!best) return <>—</>
  return (
    <>
      <Link to={best.kind === 'expert' ? `/experts/${best.id}` : `/results/${best.id}`}>{best.name}</Link>{' '}
      <span className="muted">{t('match.confidence', { value: best.confidence })}</span>
    </>
  )
}

/** The coverage line of a need, as the bureau's list and curation page define it. */
export function CoverageSummary({ coverage }: { coverage: NeedCoverage }) {
  const { t } = useTranslation()
  return (
    <p className="panel" data-testid="need-coverage">
      {coverage.reliable > 0 ? t('curation.reliableCount', { count: coverage.reliable }) : t('curation.noReliable')} ·{' '}
      {coverage.connected ? t('curation.connected') : t('curation.notConnected')} · {t('curation.bestMatch')}：
      <BestMatchCell best={coverage.best} />
    </p>
  )
}
