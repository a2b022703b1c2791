import { useTranslation } from 'react-i18next'
import { Money } from './money'

/** A call's reward: the range when it has a floor, else its top. */
export function RewardRange({ minFen, maxFen }: { minFen: string | null; maxFen: string }) {
  return minFen ? (
    <>
      <Money fen={minFen} /> – <Money fen={maxFen} />
    </>
  ) : (
    <Money fen={maxFen} />
  )
}

/** Who may answer a call: institution kinds (any institution when none) and region groups. */
export function Eligibility({ kinds, regions }: { kinds: string[]; regions: string[] }) {
  const { t } = useTranslation()
  return (
    <>
      {(kinds.length ? kinds : ['UNIVERSITY', 'RESEARCH_INSTITUTE']).map((k) => t(`orgKinds.${k}`)).join('、')}
      {' · '}
      {regions.length ? regions.map((g) => t(`search.region.${g}`)).join('、') : t('calls.anyRegion')}
    </>
  )
}

/** The weighted selection criteria. */
export function CriteriaList({ criteria }: { criteria: Array<{ name: string; weight: number }> }) {
  return (
    <ul className="list">
      {criteria.map((c) => (
        <li key={c.name}>
          {c.name} · {c.weight}%
        </li>
      ))}
    </ul>
  )
}
