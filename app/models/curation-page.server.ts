import { getCuratedGroup, getNeedForCuration } from './curation.server'
import { matchNeed } from '~/matching/match-need.server'
import { searchEngine } from '~/search/engine.server'
import { prisma } from '~/utils/db.server'
import { visibilityFilter, type ExpertDocument } from '#search'

interface Candidate {
  id: string
  name: string
  institution: string
  confidence: number | null
  aspects: string
  chosen: boolean
  notified: boolean
}

/**
 * A hard need, as bureau staff curate it: the whole need (confidential detail included), the
 * curated group, the matcher's experts and proposed group, and experts found by `q`, as one list
 * of candidates. Null when the need does not exist.
 */
export async function getCurationPage(needId: string, q: string) {
  const need = await getNeedForCuration(needId)
  if (!need) return null
  const engine = searchEngine()
  const [group, experts, groups, found] = await Promise.all([
    getCuratedGroup(need.id),
    matchNeed(prisma, engine, need.id, 'experts', { limit: 12, minConfidence: 1 }),
    matchNeed(prisma, engine, need.id, 'groups', { limit: 1, minConfidence: 1 }),
    q
      ? engine.search<ExpertDocument>('experts', {
          q,
          filter: [{ attribute: 'status', in: ['PUBLISHED'] }, ...visibilityFilter({ kind: 'anonymous' })],
          limit: 10,
        })
      : null,
  ])
  const candidates = new Map<string, Candidate>()
  const add = (c: Omit<Candidate, 'chosen' | 'notified'> & Partial<Candidate>) => {
    if (!candidates.has(c.id)) candidates.set(c.id, { chosen: false, notified: false, ...c })
  }
  for (const m of group?.members ?? []) {
    add({
      id: m.expert.id,
      name: m.expert.name,
      institution: m.expert.organization.name,
      confidence: null,
      aspects: m.aspects.join('、'),
      chosen: true,
      notified: m.notifiedAt !== null,
    })
  }
  // Without a curated group yet, the matcher's proposal is the starting point.
  for (const m of groups?.groups[0]?.members ?? []) {
    add({ ...m, id: m.expertId, confidence: null, aspects: m.aspects.join('、'), chosen: !group })
  }
  for (const m of experts?.items ?? []) add({ ...m, name: m.title, aspects: m.matchedTerms.join('、') })
  for (const hit of found?.hits ?? []) {
    add({
      id: hit.document.id,
      name: hit.document.name,
      institution: hit.document.institution,
      confidence: null,
      aspects: '',
    })
  }
  const confidence = new Map(experts?.items.map((m) => [m.id, m.confidence]))
  return {
    need,
    note: group?.note ?? '',
    curatedBy: group?.createdBy?.name ?? null,
    candidates: [...candidates.values()].map((c) => ({ ...c, confidence: confidence.get(c.id) ?? null })),
  }
}
