import { getExpertForUser } from './experts.server'
import { listReceivedIntroductions } from '~/introductions/queries.server'
import { matchOfferToNeeds } from '~/matching/match-offer.server'
import { listOfficeLeads } from '~/matching/refresh.server'
import { searchEngine } from '~/search/engine.server'
import { prisma } from '~/utils/db.server'

/**
 * Reverse matching as the pages show it: open needs an expert, a result or a whole office could
 * answer. Search sees only what the viewer's organization may see.
 */

type LeadOptions = { limit?: number; minConfidence?: number }

/** Open needs the offer could answer, as its own organization may see them. */
const leadsFor = (offer: { kind: 'expert' | 'result'; id: string }, organizationId: string, options?: LeadOptions) =>
  matchOfferToNeeds(prisma, searchEngine(), offer, { kind: 'organization', organizationId }, options)

/** The expert's home: their profile and the open needs that fit their directions. */
export async function getExpertHome(userId: string, organizationId: string) {
  const expert = await getExpertForUser(userId)
  if (!expert) return null
  const leads = await leadsFor({ kind: 'expert', id: expert.id }, organizationId, { limit: 8 })
  return { expert, leads: leads?.needs ?? [] }
}

/** Open needs, and the enterprises behind them, for one of the office's results; null for another office's. */
export async function getResultLeads(organizationId: string, resultId: string, options?: LeadOptions) {
  const result = await prisma.researchResult.findFirst({
    where: { id: resultId, organizationId },
    select: { id: true, title: true },
  })
  if (!result) return null
  const leads = await leadsFor({ kind: 'result', id: result.id }, organizationId, options)
  return { result, needs: leads?.needs ?? [], enterprises: leads?.enterprises ?? [], terms: leads?.terms ?? [] }
}

/** Open needs one of the institution's experts could answer; null for another institution's expert. */
export async function getExpertLeads(organizationId: string, expertId: string, options?: LeadOptions) {
  const expert = await prisma.expert.findFirst({ where: { id: expertId, organizationId }, select: { id: true } })
  if (!expert) return null
  const leads = await leadsFor({ kind: 'expert', id: expert.id }, organizationId, options)
  return { needs: leads?.needs ?? [], enterprises: leads?.enterprises ?? [], terms: leads?.terms ?? [] }
}

/** An office's inbox: the introduction requests it received, and the stored matches of its offers. */
export async function getOfficeInbox(organizationId: string) {
  const [requests, leads] = await Promise.all([
    listReceivedIntroductions(organizationId),
    listOfficeLeads(prisma, organizationId),
  ])
  return { requests, leads }
}
