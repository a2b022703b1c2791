import { describe, expect, it } from 'vitest'
import { recordMatchFeedback } from '~/models/matches.server'
import { matchNeed } from '~/matching/match-need.server'
import { matchOfferToNeeds } from '~/matching/match-offer.server'
import { searchEngine } from '~/search/engine.server'
import { reindexAll } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { createUser } from '../support/factories'
import { loadMarket } from '../support/market'

describe('need → results, experts and expert groups', () => {
  it('ranks the results that solve the need first, with reasons in Chinese and a confidence from 1 to 5', async () => {
    const { need } = await loadMarket()
    const matches = (await matchNeed(prisma, searchEngine(), need.id, 'results', { minConfidence: 1 }))!
    expect(matches.terms.length).toBeLessThanOrEqual(10)
    expect(matches.terms).toEqual(expect.arrayContaining(['焊缝', '无损检测']))
    const ranked = matches.items.map((m) => m.externalId)
    expect(ranked.slice(0, 2).sort()).toEqual(['R-NDT', 'R-WELD'])
    // Hybrid retrieval may bring an unrelated result in by a loose likeness; it ranks last, unconfident.
    const unrelated = matches.items.find((m) => m.externalId === 'R-BAT')
    if (unrelated) {
      expect(ranked.indexOf('R-BAT')).toBeGreaterThan(1)
      expect(unrelated.confidence).toBeLessThanOrEqual(2)
    }
    for (const item of matches.items) {
      expect(item.confidence).toBeGreaterThanOrEqual(1)
      expect(item.confidence).toBeLessThanOrEqual(5)
    }
    const top = matches.items[0]
    expect(top.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['terms', 'field', 'region']))
    expect(top.reasons[0].zh).toMatch(/^匹配关键词：/)
  })

  it('hides low-confidence matches by default and says how many', async () => {
    const { need } = await loadMarket()
    const all = (await matchNeed(prisma, searchEngine(), need.id, 'experts', { minConfidence: 1 }))!
    const shown = (await matchNeed(prisma, searchEngine(), need.id, 'experts'))!
    expect(shown.items.every((m) => m.confidence >= 3)).toBe(true)
    expect(shown.items.length + shown.hidden).toBe(all.items.length + all.hidden)
    expect(shown.items.map((m) => m.externalId).sort()).toEqual(['E-NDT', 'E-WELD'])
  })

  it('proposes an expert group from complementary institutions covering the need’s aspects', async () => {
    const { need } = await loadMarket()
    const { groups } = (await matchNeed(prisma, searchEngine(), need.id, 'groups', { minConfidence: 1 }))!
    expect(groups.length).toBeGreaterThan(0)
    const [group] = groups
    expect(group.members.length).toBeGreaterThanOrEqual(2)
    expect(group.members.length).toBeLessThanOrEqual(5)
    expect(new Set(group.members.map((m) => m.institution)).size).toBe(2)
    expect(group.members.find((m) => m.externalId === 'E-NDT')!.aspects).toContain('无损检测')
  })

  it('mentions the institution’s track record once it has registered contracts', async () => {
    const { need } = await loadMarket()
    const seller = await prisma.organization.findFirstOrThrow({ where: { name: '河北工业大学' } })
    await prisma.contract.create({
      data: {
        type: 'SERVICE',
        projectName: '焊缝检测服务',
        status: 'REGISTERED',
        registrationNumber: '1201150000000001',
        registeredAt: new Date('2026-03-10'),
        buyerName: '某企业',
        buyerRegionCode: '120115',
        buyerEntityType: 'ENTERPRISE',
        sellerOrgId: seller.id,
        sellerName: seller.name,
        sellerRegionCode: seller.regionCode,
        sellerEntityType: 'UNIVERSITY',
        amountFen: 100_000_00n,
        techAmountFen: 100_000_00n,
        signedOn: new Date('2026-03-01'),
      },
    })
    const matches = (await matchNeed(prisma, searchEngine(), need.id, 'results', { minConfidence: 1 }))!
    const ndt = matches.items.find((m) => m.externalId === 'R-NDT')!
    expect(ndt.reasons.map((r) => r.zh)).toContain('已有1项技术合同成交')
  })
})

describe('feedback', () => {
  it('stores a decline with its reason, hides it for that need and lowers the candidate for the enterprise', async () => {
    const { need } = await loadMarket()
    const user = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const before = (await matchNeed(prisma, searchEngine(), need.id, 'experts', { minConfidence: 1 }))!
    const weld = before.items.find((m) => m.externalId === 'E-WELD')!

    await recordMatchFeedback(prisma, searchEngine(), {
      needId: need.id,
      target: { kind: 'expert', id: weld.id },
      decision: 'DECLINED',
      reason: 'OUTSIDE_FIELD',
      note: '我们不做激光焊',
      userId: user.id,
      organizationId: need.organizationId,
    })
    const match = await prisma.match.findFirstOrThrow({ where: { needId: need.id, expertId: weld.id } })
    expect(match).toMatchObject({ status: 'DECLINED', feedbackReason: 'OUTSIDE_FIELD', feedbackNote: '我们不做激光焊' })
    expect(await prisma.auditLog.count({ where: { action: 'match.decline', entityId: match.id } })).toBe(1)

    const after = (await matchNeed(prisma, searchEngine(), need.id, 'experts', { minConfidence: 1 }))!
    expect(after.items.map((m) => m.id)).not.toContain(weld.id)
    const withDeclined = (await matchNeed(prisma, searchEngine(), need.id, 'experts', {
      minConfidence: 1,
      includeDeclined: true,
    }))!
    expect(withDeclined.items.find((m) => m.id === weld.id)!.status).toBe('DECLINED')

    // The same enterprise's next need: the declined expert ranks lower than before.
    const second = await prisma.need.create({
      data: { ...need, id: undefined, externalId: 'N-WELD-2', createdAt: undefined, updatedAt: undefined },
    })
    await reindexAll(prisma, searchEngine())
    const again = (await matchNeed(prisma, searchEngine(), second.id, 'experts', { minConfidence: 1 }))!
    expect(again.items.find((m) => m.id === weld.id)!.score).toBeLessThan(weld.score)
  })

  it('stores an acceptance', async () => {
    const { need } = await loadMarket()
    const user = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-NDT' } })
    await recordMatchFeedback(prisma, searchEngine(), {
      needId: need.id,
      target: { kind: 'result', id: result.id },
      decision: 'ACCEPTED',
      userId: user.id,
      organizationId: need.organizationId,
    })
    const matches = (await matchNeed(prisma, searchEngine(), need.id, 'results', { minConfidence: 1 }))!
    expect(matches.items.find((m) => m.id === result.id)!.status).toBe('ACCEPTED')
  })
})

describe('reverse matching', () => {
  it('finds open needs and their enterprises for a result, and for an expert', async () => {
    const { need } = await loadMarket()
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-NDT' } })
    const leads = (await matchOfferToNeeds(
      prisma,
      searchEngine(),
      { kind: 'result', id: result.id },
      { kind: 'anonymous' },
    ))!
    expect(leads.needs.map((n) => n.needId)).toEqual([need.id])
    expect(leads.needs[0].reasons[0].zh).toMatch(/^匹配关键词：/)
    expect(leads.enterprises[0]).toMatchObject({ name: '天津恒信重工机械有限公司', needs: 1 })
    const expert = await prisma.expert.findFirstOrThrow({ where: { externalId: 'E-WELD' } })
    const forExpert = (await matchOfferToNeeds(
      prisma,
      searchEngine(),
      { kind: 'expert', id: expert.id },
      { kind: 'anonymous' },
    ))!
    expect(forExpert.needs.map((n) => n.needId)).toEqual([need.id])
  })

  it('does not show a draft need to other organizations', async () => {
    const { need } = await loadMarket()
    await prisma.need.update({ where: { id: need.id }, data: { status: 'DRAFT' } })
    await reindexAll(prisma, searchEngine())
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-NDT' } })
    const leads = (await matchOfferToNeeds(
      prisma,
      searchEngine(),
      { kind: 'result', id: result.id },
      { kind: 'organization', organizationId: result.organizationId },
    ))!
    expect(leads.needs).toEqual([])
  })
})
