import { beforeAll, describe, expect, it } from 'vitest'
import {
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  INDEX_SETTINGS,
  VECTOR_ATTRIBUTE,
  visibilityFilter,
  type SearchEngine,
} from '#search'

/**
 * The contract every search adapter must pass: same documents, same queries, same hits. It runs
 * on the embedded engine always and on Meilisearch whenever MEILI_HOST is set.
 */
const ORG_A = 'org-a'
const ORG_B = 'org-b'

const results = [
  {
    id: 'r1',
    externalId: 'R1',
    title: '锂离子电池正极材料包覆改性技术',
    abstract: '提高高镍三元正极材料的循环寿命。',
    keywords: ['正极材料', '包覆'],
    expertNames: ['李明'],
    fieldCode: 'ENERGY.BATTERY',
    fieldCodes: ['ENERGY.BATTERY', 'ENERGY'],
    institution: '天津大学',
    organizationId: ORG_A,
    regionCode: '120000',
    regionGroup: 'TIANJIN',
    stage: 'PILOT',
    trl: 6,
    transferModes: ['TRANSFER', 'LICENSE'],
    ipType: 'INVENTION_PATENT',
    priceMinYuan: 500000,
    priceMaxYuan: 1000000,
    status: 'PUBLISHED',
    visibility: ['public', `org:${ORG_A}`],
    publishedAt: 3,
  },
  {
    id: 'r2',
    externalId: 'R2',
    title: '基于深度学习的表面缺陷检测系统',
    abstract: '机器视觉识别注塑件划痕，替代人工目检。',
    keywords: ['机器视觉', '缺陷检测'],
    expertNames: ['王强'],
    fieldCode: 'EI.AI',
    fieldCodes: ['EI.AI', 'EI'],
    institution: '中国科学院自动化研究所',
    organizationId: ORG_B,
    regionCode: '110108',
    regionGroup: 'BEIJING',
    stage: 'INDUSTRIAL',
    trl: 8,
    transferModes: ['DEVELOPMENT'],
    ipType: 'SOFTWARE_COPYRIGHT',
    priceMinYuan: null,
    priceMaxYuan: null,
    status: 'PUBLISHED',
    visibility: ['public', `org:${ORG_B}`],
    publishedAt: 2,
  },
  {
    id: 'r3',
    externalId: 'R3',
    title: '动力电池包液冷热管理系统',
    abstract: '电芯温差控制在3℃以内。',
    keywords: ['热管理', '电池包'],
    expertNames: ['赵敏'],
    fieldCode: 'ENERGY.BATTERY',
    fieldCodes: ['ENERGY.BATTERY', 'ENERGY'],
    institution: '北京理工大学',
    organizationId: ORG_B,
    regionCode: '110108',
    regionGroup: 'BEIJING',
    stage: 'SMALL_PILOT',
    trl: 5,
    transferModes: ['DEVELOPMENT', 'SERVICE'],
    ipType: 'NONE',
    priceMinYuan: 200000,
    priceMaxYuan: 300000,
    status: 'PUBLISHED',
    visibility: ['public', `org:${ORG_B}`],
    publishedAt: 1,
  },
  {
    id: 'r4',
    externalId: 'R4',
    title: '锂电池回收湿法冶金工艺（草稿）',
    abstract: '尚未发布的草稿。',
    keywords: ['电池回收'],
    expertNames: [],
    fieldCode: 'ENV',
    fieldCodes: ['ENV'],
    institution: '天津大学',
    organizationId: ORG_A,
    regionCode: '120000',
    regionGroup: 'TIANJIN',
    stage: null,
    trl: null,
    transferModes: [],
    ipType: 'NONE',
    priceMinYuan: null,
    priceMaxYuan: null,
    status: 'DRAFT',
    visibility: [`org:${ORG_A}`],
    publishedAt: null,
  },
]

const ids = (response: { hits: Array<{ document: { id: string } }> }) => response.hits.map((h) => h.document.id)

export function searchEngineContract(name: string, makeEngine: () => Promise<SearchEngine>) {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine

    beforeAll(async () => {
      engine = await makeEngine()
      await engine.ensureIndex('results', INDEX_SETTINGS.results)
      await engine.ensureIndex('results', INDEX_SETTINGS.results) // idempotent
      await engine.clear('results')
      await engine.upsert('results', results)
    }, 120_000)

    it('counts documents', async () => {
      expect(await engine.count('results')).toBe(4)
    })

    it('finds Chinese words across fields', async () => {
      expect(ids(await engine.search('results', { q: '机器视觉' }))).toEqual(['r2'])
      // "划痕" only appears in the abstract.
      expect(ids(await engine.search('results', { q: '划痕' }))).toEqual(['r2'])
    })

    it('bridges the thesaurus: 锂电池 finds 锂离子电池, and word order or particles do not matter', async () => {
      const a = ids(
        await engine.search('results', { q: '锂电池正极材料', filter: [{ attribute: 'status', in: ['PUBLISHED'] }] }),
      )
      const b = ids(
        await engine.search('results', {
          q: '锂离子电池的正极材料',
          filter: [{ attribute: 'status', in: ['PUBLISHED'] }],
        }),
      )
      expect(a[0]).toBe('r1')
      expect(b[0]).toBe('r1')
      expect(ids(await engine.search('results', { q: 'AI 视觉识别' }))).toContain('r2')
    })

    it('ranks documents matching more query words first', async () => {
      const hits = ids(
        await engine.search('results', { q: '电池 热管理', filter: [{ attribute: 'status', in: ['PUBLISHED'] }] }),
      )
      expect(hits[0]).toBe('r3')
    })

    it('filters with IN, NOT IN, numeric ranges and OR groups, on scalar and array attributes', async () => {
      const published = { attribute: 'status', in: ['PUBLISHED'] }
      expect(
        ids(
          await engine.search('results', { q: '', filter: [published, { attribute: 'fieldCodes', in: ['ENERGY'] }] }),
        ).sort(),
      ).toEqual(['r1', 'r3'])
      expect(
        ids(await engine.search('results', { q: '', filter: [published, { attribute: 'trl', gte: 6 }] })).sort(),
      ).toEqual(['r1', 'r2'])
      expect(
        ids(
          await engine.search('results', { q: '', filter: [published, { attribute: 'trl', gte: 5, lte: 6 }] }),
        ).sort(),
      ).toEqual(['r1', 'r3'])
      expect(
        ids(
          await engine.search('results', {
            q: '',
            filter: [published, { attribute: 'regionGroup', notIn: ['BEIJING'] }],
          }),
        ),
      ).toEqual(['r1'])
      const either = [
        { attribute: 'transferModes', in: ['LICENSE'] },
        { attribute: 'stage', in: ['INDUSTRIAL'] },
      ]
      expect(ids(await engine.search('results', { q: '', filter: [published, either] })).sort()).toEqual(['r1', 'r2'])
    })

    it('enforces per-organization visibility through the filter', async () => {
      const anonymous = ids(
        await engine.search('results', { q: '电池', filter: visibilityFilter({ kind: 'anonymous' }) }),
      )
      expect(anonymous).not.toContain('r4')
      const owner = ids(
        await engine.search('results', {
          q: '电池',
          filter: visibilityFilter({ kind: 'organization', organizationId: ORG_A }),
        }),
      )
      expect(owner).toContain('r4')
      const other = ids(
        await engine.search('results', {
          q: '电池',
          filter: visibilityFilter({ kind: 'organization', organizationId: ORG_B }),
        }),
      )
      expect(other).not.toContain('r4')
      expect(ids(await engine.search('results', { q: '电池', filter: visibilityFilter({ kind: 'all' }) }))).toContain(
        'r4',
      )
    })

    it('counts facets over every match, not just the page', async () => {
      const response = await engine.search('results', {
        q: '',
        filter: [{ attribute: 'status', in: ['PUBLISHED'] }],
        facets: ['regionGroup', 'transferModes'],
        limit: 1,
      })
      expect(response.total).toBe(3)
      expect(response.hits).toHaveLength(1)
      expect(response.facets.regionGroup).toEqual({ BEIJING: 2, TIANJIN: 1 })
      expect(response.facets.transferModes).toEqual({ DEVELOPMENT: 2, LICENSE: 1, SERVICE: 1, TRANSFER: 1 })
    })

    it('orders the matches of a query by a sort when one is asked for', async () => {
      const relevance = await engine.search('results', {
        q: '检测 正极材料',
        filter: [{ attribute: 'status', in: ['PUBLISHED'] }],
      })
      const newest = await engine.search('results', {
        q: '检测 正极材料',
        filter: [{ attribute: 'status', in: ['PUBLISHED'] }],
        sort: [{ attribute: 'publishedAt', direction: 'asc' }],
      })
      expect(ids(newest).sort()).toEqual(ids(relevance).sort())
      const dates = newest.hits.map((h) => h.document.publishedAt as number)
      expect(dates).toEqual([...dates].sort((a, b) => a - b))
    })

    it('sorts and paginates when browsing', async () => {
      const query = {
        q: '',
        filter: [{ attribute: 'status', in: ['PUBLISHED'] }],
        sort: [{ attribute: 'publishedAt', direction: 'desc' as const }],
      }
      expect(ids(await engine.search('results', query))).toEqual(['r1', 'r2', 'r3'])
      const page2 = await engine.search('results', { ...query, limit: 2, offset: 2 })
      expect(ids(page2)).toEqual(['r3'])
      expect(page2.total).toBe(3)
    })

    it('highlights matched words with the markers', async () => {
      const response = await engine.search('results', { q: '机器视觉', highlight: ['title', 'abstract'] })
      // Synonyms are highlighted too, so the marked span may run on ("机器视觉识别").
      expect(response.hits[0].highlights.abstract).toContain(`${HIGHLIGHT_PRE}机器视觉`)
      expect(response.hits[0].highlights.abstract).toContain(HIGHLIGHT_POST)
      expect(response.hits[0].highlights.title).not.toContain(HIGHLIGHT_PRE)
    })

    it('requires every word with matchingStrategy all', async () => {
      expect(ids(await engine.search('results', { q: '电池包 机器视觉', matchingStrategy: 'all' }))).toEqual([])
      const either = ids(await engine.search('results', { q: '电池包 机器视觉', matchingStrategy: 'last' }))
      expect(either).toEqual(expect.arrayContaining(['r2', 'r3']))
    })

    it('answers several queries at once', async () => {
      const [first, second] = await engine.multiSearch([
        { index: 'results', query: { q: '机器视觉' } },
        { index: 'results', query: { q: '热管理' } },
      ])
      expect(ids(first)).toEqual(['r2'])
      expect(ids(second)).toEqual(['r3'])
    })

    it('replaces a document on upsert and forgets it on delete', async () => {
      await engine.upsert('results', [
        { ...results[1], title: '工业机器人减速器', abstract: '精密传动', keywords: ['减速器'] },
      ])
      expect(ids(await engine.search('results', { q: '划痕' }))).toEqual([])
      expect(ids(await engine.search('results', { q: '减速器' }))).toEqual(['r2'])
      await engine.delete('results', ['r2'])
      expect(ids(await engine.search('results', { q: '减速器' }))).toEqual([])
      expect(await engine.count('results')).toBe(3)
      await engine.upsert('results', [results[1]])
    })

    it('refuses a filter on an attribute that is not filterable', async () => {
      await expect(
        engine.search('results', { q: '', filter: [{ attribute: 'abstract', in: ['x'] }] }),
      ).rejects.toThrow()
    })
  })

  describe(`search engine contract, hybrid: ${name}`, () => {
    let engine: SearchEngine
    // Four dimensions by hand: the engines are held to what they do with vectors, not to a model.
    const expert = (id: string, directions: string[], vector: number[], published = true) => ({
      id,
      externalId: id.toUpperCase(),
      name: `专家${id}`,
      title: '教授',
      directions,
      keywords: [],
      bio: '',
      fieldCodes: [],
      institution: '天津大学',
      organizationId: published ? ORG_A : ORG_B,
      regionCode: '120000',
      regionGroup: 'TIANJIN',
      available: true,
      status: published ? 'PUBLISHED' : 'DRAFT',
      visibility: published ? ['public', `org:${ORG_A}`] : [`org:${ORG_B}`],
      [VECTOR_ATTRIBUTE]: vector,
    })
    const experts = [
      expert('e1', ['酶工程', '酶制剂'], [1, 0, 0, 0]),
      expert('e2', ['膜分离', '污水深度处理'], [0, 1, 0, 0]),
      expert('e3', ['水肥一体化', '智能灌溉'], [0, 0, 1, 0]),
      expert('e4', ['蛋白质工程'], [0.9, 0.1, 0, 0], false),
    ]
    const enzymeLike = [0.95, 0.05, 0, 0]

    beforeAll(async () => {
      engine = await makeEngine()
      await engine.ensureIndex('experts', { ...INDEX_SETTINGS.experts, vectorDimensions: 4 })
      await engine.clear('experts')
      await engine.upsert('experts', experts)
    }, 120_000)

    it('finds by meaning what shares no word with the query, and never returns the vector', async () => {
      const visible = visibilityFilter({ kind: 'anonymous' })
      expect(ids(await engine.search('experts', { q: '蛋白酶发酵', filter: visible }))).toEqual([])
      const response = await engine.search('experts', {
        q: '蛋白酶发酵',
        vector: enzymeLike,
        semanticRatio: 0.5,
        filter: visible,
      })
      expect(ids(response)[0]).toBe('e1')
      expect(ids(response)).not.toContain('e4')
      expect(response.hits[0].document[VECTOR_ATTRIBUTE]).toBeUndefined()
      expect(response.hits[0].document).not.toHaveProperty('_vectors')
    })

    it('ranks purely by meaning with an empty query, within the filter', async () => {
      const all = await engine.search('experts', { q: '', vector: enzymeLike, semanticRatio: 1 })
      expect(ids(all).slice(0, 2)).toEqual(['e1', 'e4'])
      const visible = await engine.search('experts', {
        q: '',
        vector: [0, 0.2, 1, 0],
        semanticRatio: 1,
        filter: visibilityFilter({ kind: 'anonymous' }),
      })
      expect(ids(visible)[0]).toBe('e3')
      expect(ids(visible)).not.toContain('e4')
    })

    it('keeps keyword ranking first when the semantic ratio is 0', async () => {
      const response = await engine.search('experts', { q: '膜分离', vector: enzymeLike, semanticRatio: 0 })
      expect(ids(response)[0]).toBe('e2')
    })

    it('blends: a document with both the words and the meaning outranks one with only the words', async () => {
      await engine.upsert('experts', [expert('e5', ['酶工程', '膜分离'], [0, 0, 0, 1])])
      const response = await engine.search('experts', { q: '酶工程', vector: enzymeLike, semanticRatio: 0.5 })
      expect(ids(response).indexOf('e1')).toBeLessThan(ids(response).indexOf('e5'))
      await engine.delete('experts', ['e5'])
    })

    it('replaces a vector on upsert and forgets it on delete', async () => {
      await engine.upsert('experts', [{ ...experts[2], [VECTOR_ATTRIBUTE]: [1, 0, 0, 0] }])
      const moved = await engine.search('experts', { q: '', vector: [1, 0, 0, 0], semanticRatio: 1, limit: 2 })
      expect(ids(moved)).toContain('e3')
      await engine.delete('experts', ['e3'])
      const gone = await engine.search('experts', { q: '', vector: [1, 0, 0, 0], semanticRatio: 1 })
      expect(ids(gone)).not.toContain('e3')
      await engine.upsert('experts', [experts[2]])
    })
  })
}
