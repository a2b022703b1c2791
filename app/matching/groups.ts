import type { KeyTerm } from './terms'
import { confidenceOf, type Reason } from './score'

export interface GroupCandidate {
  id: string
  externalId: string | null
  name: string
  institution: string
  organizationId: string
  score: number
  /** Key terms (aspects) this expert's directions and keywords cover. */
  covers: string[]
}

export interface ProposedGroup {
  id: string
  score: number
  confidence: 1 | 2 | 3 | 4 | 5
  coverage: number
  members: Array<{ expertId: string; externalId: string | null; name: string; institution: string; aspects: string[] }>
  uncovered: string[]
  reasons: Reason[]
}

const MIN_MEMBERS = 2

/**
 * A group is as good as the share of the need it covers: a team covering a third of the need's
 * aspects is never "5/5", however good each member is.
 */
function groupConfidence(coveredWeight: number, meanScore: number): ProposedGroup['confidence'] {
  const byCoverage =
    coveredWeight >= 0.85 ? 5 : coveredWeight >= 0.7 ? 4 : coveredWeight >= 0.5 ? 3 : coveredWeight >= 0.3 ? 2 : 1
  return Math.min(byCoverage, confidenceOf(meanScore, coveredWeight)) as ProposedGroup['confidence']
}
const MAX_MEMBERS = 5

/**
 * Expert groups (专家组) for a need with several aspects: greedy set cover over the need's key
 * terms. Each step adds the expert who covers the most still-uncovered weight, with a bonus for a
 * new institution (complementary teams) and for match score. Different first members give
 * alternative teams.
 */
export function assembleGroups(
  needId: string,
  aspects: KeyTerm[],
  candidates: GroupCandidate[],
  limit: number,
): ProposedGroup[] {
  const useful = candidates.filter((c) => c.covers.length > 0).sort((a, b) => b.score - a.score)
  const weightOf = new Map(aspects.map((a) => [a.term, a.weight]))
  const totalWeight = aspects.reduce((sum, a) => sum + a.weight, 0) || 1
  const groups: ProposedGroup[] = []
  const seen = new Set<string>()

  for (const seed of useful.slice(0, Math.max(limit * 4, 12))) {
    const team = [seed]
    const covered = new Set(seed.covers)
    while (team.length < MAX_MEMBERS) {
      let best: GroupCandidate | null = null
      let bestGain = 0
      for (const candidate of useful) {
        if (team.includes(candidate)) continue
        const fresh = candidate.covers.filter((t) => !covered.has(t))
        const aspectGain = fresh.reduce((sum, t) => sum + (weightOf.get(t) ?? 0), 0) / totalWeight
        const needsSecond = team.length < MIN_MEMBERS
        if (aspectGain === 0 && !needsSecond) continue
        const newInstitution = team.every((m) => m.organizationId !== candidate.organizationId)
        const gain = aspectGain + 0.15 * candidate.score + (newInstitution ? 0.1 : 0)
        if (gain > bestGain) {
          best = candidate
          bestGain = gain
        }
      }
      if (!best) break
      team.push(best)
      best.covers.forEach((t) => covered.add(t))
      if (covered.size === aspects.length && team.length >= MIN_MEMBERS) break
    }
    if (team.length < MIN_MEMBERS) continue
    const key = team
      .map((m) => m.id)
      .sort()
      .join(',')
    if (seen.has(key)) continue
    seen.add(key)

    const coveredWeight = [...covered].reduce((sum, t) => sum + (weightOf.get(t) ?? 0), 0) / totalWeight
    const meanScore = team.reduce((sum, m) => sum + m.score, 0) / team.length
    const score = 0.65 * coveredWeight + 0.35 * meanScore
    const institutions = new Set(team.map((m) => m.organizationId)).size
    const uncovered = aspects.map((a) => a.term).filter((t) => !covered.has(t))
    const reasons: Reason[] = [
      {
        code: 'terms',
        zh: `覆盖需求要点 ${covered.size}/${aspects.length}：${[...covered].join('、')}`,
        en: `Covers ${covered.size} of ${aspects.length} aspects: ${[...covered].join(', ')}`,
      },
    ]
    if (institutions > 1) {
      reasons.push({
        code: 'region',
        zh: `来自${institutions}家单位，优势互补`,
        en: `${institutions} institutions complement each other`,
      })
    }
    if (uncovered.length) {
      reasons.push({
        code: 'terms',
        zh: `尚未覆盖：${uncovered.join('、')}`,
        en: `Not yet covered: ${uncovered.join(', ')}`,
      })
    }
    groups.push({
      id: `group:${needId}:${groups.length + 1}`,
      score,
      confidence: groupConfidence(coveredWeight, meanScore),
      coverage: coveredWeight,
      members: team.map((m) => ({
        expertId: m.id,
        externalId: m.externalId,
        name: m.name,
        institution: m.institution,
        aspects: m.covers.filter((t) => aspects.some((a) => a.term === t)),
      })),
      uncovered,
      reasons,
    })
  }
  return diverse(
    groups.sort((a, b) => b.score - a.score),
    Math.min(limit, MAX_GROUPS),
  ).map((g, i) => ({
    ...g,
    id: `group:${needId}:${i + 1}`,
  }))
}

/** At most three groups are shown, and no two share more than half their members. */
export const MAX_GROUPS = 3

function diverse(ranked: ProposedGroup[], limit: number): ProposedGroup[] {
  const chosen: ProposedGroup[] = []
  for (const group of ranked) {
    if (chosen.length >= limit) break
    const members = new Set(group.members.map((m) => m.expertId))
    const overlapsTooMuch = chosen.some((other) => {
      const shared = other.members.filter((m) => members.has(m.expertId)).length
      return shared > Math.min(members.size, other.members.length) / 2
    })
    if (!overlapsTooMuch) chosen.push(group)
  }
  return chosen
}
