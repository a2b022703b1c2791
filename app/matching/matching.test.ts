import { describe, expect, it } from 'vitest'
import type { ResultDocument } from '#search'
import { assembleGroups } from './groups'
import { EMPTY_TRACK_RECORD, confidenceOf, scoreResult } from './score'
import { MAX_QUERY_TERMS, coverage, documentText, extractKeyTerms } from './terms'

const need = {
  title: '注塑件外观靠人工挑拣',
  summary:
    '我们做汽车内饰注塑件，产品表面的划痕、缩痕、黑点全靠工人目测，漏检多，主机厂投诉也多，想上一套自动检测设备代替人工，预算50万左右。我公司在宝坻开发区。',
  keywords: ['外观检测'],
}

describe('key terms', () => {
  it('puts the enterprise’s keywords first, folds synonyms and never sends more than ten', () => {
    const terms = extractKeyTerms(need)
    expect(terms.length).toBeLessThanOrEqual(MAX_QUERY_TERMS)
    expect(terms[0].term).toBe('质量检测') // 外观检测 folded onto its group's canonical form
    expect(terms.map((t) => t.term)).toContain('注塑')
    expect(terms.map((t) => t.term)).not.toContain('宝坻')
    expect(terms[0].weight).toBeGreaterThan(terms[terms.length - 1].weight)
  })

  it('skips terms that only repeat parts of terms already chosen', () => {
    const terms = extractKeyTerms({
      title: '医疗影像设备',
      summary: '医疗 影像 设备 医疗影像设备',
      keywords: ['医疗影像设备'],
    })
    expect(terms.map((t) => t.term)).toEqual(['医疗影像设备'])
  })

  it('counts a term fully in the title, less in the description, and partly by its tokens', () => {
    const terms = [{ term: '锂电池', weight: 1 }]
    expect(coverage(terms, documentText('动力电池包', '')).ratio).toBe(1)
    expect(coverage(terms, documentText('', '锂离子电池')).ratio).toBeCloseTo(0.7)
    expect(coverage(terms, documentText('无关', '')).ratio).toBe(0)
  })
})

const result: ResultDocument = {
  id: 'r1',
  externalId: 'R1',
  title: '基于深度学习的工业产品表面缺陷检测系统',
  abstract: '识别注塑件划痕、缩痕、黑点，替代人工目检。',
  keywords: ['机器视觉', '缺陷检测'],
  expertNames: [],
  fieldCode: 'EI.AI',
  fieldCodes: ['EI.AI', 'EI'],
  institution: '中国科学院自动化研究所',
  organizationId: 'o1',
  regionCode: '110108',
  regionGroup: 'BEIJING',
  stage: 'INDUSTRIAL',
  trl: 8,
  transferModes: ['DEVELOPMENT'],
  ipType: 'NONE',
  priceMinYuan: 300000,
  priceMaxYuan: 500000,
  status: 'PUBLISHED',
  visibility: ['public'],
  publishedAt: 1,
}

describe('scoring', () => {
  const fields = new Map([
    ['EI.AI', ['人工智能与物联网', 'AI and IoT']],
    ['EI', ['电子信息', 'Electronic information']],
  ])
  const profile = {
    fieldCode: 'EI.AI',
    wantedStage: 'PILOT',
    wantedTrlMin: null,
    cooperationModes: ['DEVELOPMENT'],
    budgetMaxYuan: 500000,
    terms: extractKeyTerms(need),
  }
  const text = documentText(`${result.title} ${result.keywords.join(' ')}`, result.abstract)

  it('explains a good match in Chinese and English, with a high confidence', () => {
    const scored = scoreResult(
      profile,
      result,
      { documentText: text, engineScore: 1, similarity: 0.8 },
      { ...EMPTY_TRACK_RECORD, contracts: 3, responseRate: 0.9 },
      fields,
    )
    expect(scored.confidence).toBeGreaterThanOrEqual(4)
    const codes = scored.reasons.map((r) => r.code)
    expect(codes).toEqual(expect.arrayContaining(['terms', 'field', 'region', 'maturity', 'modes', 'budget', 'track']))
    expect(scored.reasons.find((r) => r.code === 'region')!.zh).toBe('京津冀协同：来自北京')
    expect(scored.reasons.find((r) => r.code === 'field')!.zh).toBe('同属人工智能与物联网领域')
    expect(scored.reasons.find((r) => r.code === 'terms')!.zh).toMatch(/^匹配关键词：/)
    expect(scored.reasons.every((r) => r.en.length > 0)).toBe(true)
  })

  it('lowers the score when the enterprise declined the candidate as outside its field before', () => {
    const evidence = { documentText: text, engineScore: 1, similarity: 0.8 }
    const base = scoreResult(profile, result, evidence, EMPTY_TRACK_RECORD, fields)
    const declined = scoreResult(
      profile,
      result,
      evidence,
      { ...EMPTY_TRACK_RECORD, ownerDeclinedOutsideField: 1 },
      fields,
    )
    const accepted = scoreResult(profile, result, evidence, { ...EMPTY_TRACK_RECORD, ownerAccepted: 1 }, fields)
    expect(declined.score).toBeLessThan(base.score)
    expect(accepted.score).toBeGreaterThan(base.score)
  })

  it('never gives high confidence to a match that covers few of the need’s terms', () => {
    expect(confidenceOf(0.9, 0.1)).toBe(2)
    expect(confidenceOf(0.9, 0.3)).toBe(3)
    expect(confidenceOf(0.9, 0.8)).toBe(5)
    expect(confidenceOf(0.2, 0.8)).toBe(1)
  })
})

describe('expert groups', () => {
  const aspects = [
    { term: '焊缝', weight: 1 },
    { term: '无损检测', weight: 0.9 },
    { term: '激光焊接', weight: 0.8 },
  ]
  const candidates = [
    {
      id: 'e1',
      externalId: null,
      name: '周',
      institution: '天津大学',
      organizationId: 'tju',
      score: 0.6,
      covers: ['焊缝', '激光焊接'],
    },
    {
      id: 'e2',
      externalId: null,
      name: '吴',
      institution: '河北工业大学',
      organizationId: 'hebut',
      score: 0.5,
      covers: ['焊缝', '无损检测'],
    },
    {
      id: 'e3',
      externalId: null,
      name: '郑',
      institution: '天津大学',
      organizationId: 'tju',
      score: 0.55,
      covers: ['激光焊接'],
    },
    { id: 'e4', externalId: null, name: '无关', institution: '某大学', organizationId: 'x', score: 0.9, covers: [] },
  ]

  it('proposes 2–5 experts who together cover the aspects, saying who covers what', () => {
    const [best] = assembleGroups('n1', aspects, candidates, 3)
    expect(best.members.map((m) => m.expertId).sort()).toEqual(['e1', 'e2'])
    expect(best.coverage).toBe(1)
    expect(best.uncovered).toEqual([])
    expect(best.members.find((m) => m.expertId === 'e2')!.aspects).toContain('无损检测')
    expect(best.reasons[0].zh).toMatch(/^覆盖需求要点 3\/3/)
    expect(best.reasons.some((r) => r.zh.includes('2家单位'))).toBe(true)
  })

  it('needs at least two useful experts', () => {
    expect(assembleGroups('n1', aspects, [candidates[0], candidates[3]], 3)).toEqual([])
  })
})
