import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  EMBEDDER_NAME,
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  INDEX_SETTINGS,
  MeilisearchEngine,
  SearchEngineError,
  VECTOR_ATTRIBUTE,
} from '#search'

/**
 * The Meilisearch adapter at the HTTP boundary: a local stand-in answers the documented endpoints
 * the official client calls, records each request, and lets a test make a task fail. It checks
 * what we send (settings, batches, search parameters) and how we read Meilisearch's answers. It is
 * no substitute for the contract suite against a real server (MEILI_HOST).
 */
interface Recorded {
  method: string
  path: string
  body: unknown
}

let server: http.Server
let host: string
let requests: Recorded[] = []
let failNextTaskWith: { code: string; message: string } | null = null
let taskSerial = 0
const tasks = new Map<number, { status: string; type: string; error: { code: string; message: string } | null }>()

function enqueue(type: string, error: { code: string; message: string } | null = null) {
  const uid = ++taskSerial
  const failure = error ?? failNextTaskWith
  failNextTaskWith = null
  tasks.set(uid, { status: failure ? 'failed' : 'succeeded', type, error: failure })
  return { taskUid: uid, indexUid: 'x', status: 'enqueued', type, enqueuedAt: new Date().toISOString() }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const url = new URL(req.url!, 'http://stand-in')
      const body = raw ? JSON.parse(raw) : null
      requests.push({ method: req.method!, path: url.pathname + url.search, body })
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      const task = /^\/tasks\/(\d+)$/.exec(url.pathname)
      if (task) {
        const t = tasks.get(Number(task[1]))!
        return send(200, {
          uid: Number(task[1]),
          indexUid: 'x',
          ...t,
          duration: 'PT0S',
          enqueuedAt: '',
          startedAt: '',
          finishedAt: '',
        })
      }
      if (req.method === 'POST' && url.pathname === '/indexes') {
        return send(
          202,
          enqueue(
            'indexCreation',
            body.uid.endsWith('existing') ? { code: 'index_already_exists', message: 'exists' } : null,
          ),
        )
      }
      if (req.method === 'PATCH' && url.pathname.endsWith('/settings')) return send(202, enqueue('settingsUpdate'))
      if (req.method === 'POST' && url.pathname.endsWith('/documents'))
        return send(202, enqueue('documentAdditionOrUpdate'))
      if (req.method === 'POST' && url.pathname.endsWith('/documents/delete-batch'))
        return send(202, enqueue('documentDeletion'))
      if (req.method === 'POST' && url.pathname.endsWith('/search')) {
        return send(200, {
          hits: [
            {
              id: 'r1',
              title: '锂离子电池正极材料',
              _rankingScore: 0.93,
              _vectors: { default: { embeddings: [[0.1, 0.2]], regenerate: false } },
              _formatted: {
                id: 'r1',
                title: `${HIGHLIGHT_PRE}锂离子电池${HIGHLIGHT_POST}正极材料`,
                keywords: ['正极'],
              },
            },
          ],
          estimatedTotalHits: 41,
          facetDistribution: { regionGroup: { BEIJING: 30, TIANJIN: 11 } },
          query: body.q,
          processingTimeMs: 1,
          limit: body.limit,
          offset: body.offset,
        })
      }
      if (req.method === 'GET' && url.pathname.endsWith('/stats'))
        return send(200, { numberOfDocuments: 7, isIndexing: false })
      send(404, { message: 'not in stand-in', code: 'not_found', type: 'invalid_request', link: '' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

beforeEach(() => {
  requests = []
  failNextTaskWith = null
})

describe('Meilisearch adapter at the HTTP boundary', () => {
  it('creates the index and sends Chinese settings, the thesaurus as two-way synonyms and stop words', async () => {
    const engine = new MeilisearchEngine(host, 'key', 'test_')
    await engine.ensureIndex('results', INDEX_SETTINGS.results)
    const create = requests.find((r) => r.method === 'POST' && r.path === '/indexes')!
    expect(create.body).toEqual({ uid: 'test_results', primaryKey: 'id' })
    const settings = requests.find((r) => r.method === 'PATCH')!.body as Record<string, unknown>
    expect(settings.searchableAttributes).toEqual(INDEX_SETTINGS.results.searchableAttributes)
    expect(settings.filterableAttributes).toEqual(INDEX_SETTINGS.results.filterableAttributes)
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['cmn'] }])
    const synonyms = settings.synonyms as Record<string, string[]>
    expect(synonyms['锂电池']).toEqual(expect.arrayContaining(['锂离子电池', '动力电池']))
    expect(synonyms['锂离子电池']).toContain('锂电池')
    expect(settings.stopWords).toContain('的')
    expect(settings.rankingRules).toEqual(['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'])
  })

  it('accepts an index that already exists', async () => {
    const engine = new MeilisearchEngine(host, undefined, 'existing_')
    await expect(engine.ensureIndex('experts', INDEX_SETTINGS.experts)).resolves.toBeUndefined()
  })

  it('sends documents in batches of 5,000 and waits for every task', async () => {
    const engine = new MeilisearchEngine(host, undefined)
    const documents = Array.from({ length: 12_000 }, (_, i) => ({ id: `d${i}`, title: '标题' }))
    await engine.upsert('results', documents)
    const batches = requests.filter((r) => r.method === 'POST' && r.path.startsWith('/indexes/results/documents'))
    expect(batches.map((b) => (b.body as unknown[]).length)).toEqual([5000, 5000, 2000])
    expect(batches[0].path).toContain('primaryKey=id')
    expect(requests.filter((r) => r.path.startsWith('/tasks/')).length).toBeGreaterThanOrEqual(3)
  })

  it('throws when Meilisearch reports a failed task, so the outbox retries', async () => {
    const engine = new MeilisearchEngine(host, undefined)
    failNextTaskWith = { code: 'invalid_document_id', message: 'bad id' }
    const error = await engine.upsert('needs', [{ id: 'n1' }]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SearchEngineError)
    expect((error as SearchEngineError).code).toBe('invalid_document_id')
  })

  it('searches with locales cmn, our matching strategy, filter syntax and highlight tags, and reads the answer', async () => {
    const engine = new MeilisearchEngine(host, undefined)
    const response = await engine.search('results', {
      q: '锂电池 正极',
      filter: [
        { attribute: 'status', in: ['PUBLISHED'] },
        { attribute: 'trl', gte: 5, lte: 6 },
        [
          { attribute: 'transferModes', in: ['LICENSE'] },
          { attribute: 'regionGroup', notIn: ['OTHER'] },
        ],
      ],
      facets: ['regionGroup'],
      limit: 5,
      offset: 10,
      highlight: ['title'],
    })
    const sent = requests.find((r) => r.path === '/indexes/results/search')!.body as Record<string, unknown>
    expect(sent).toMatchObject({
      q: '锂电池 正极',
      locales: ['cmn'],
      matchingStrategy: 'last',
      limit: 5,
      offset: 10,
      facets: ['regionGroup'],
      attributesToHighlight: ['title'],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
      showRankingScore: true,
    })
    expect(sent.filter).toEqual([
      'status IN ["PUBLISHED"]',
      '(trl >= 5 AND trl <= 6)',
      ['transferModes IN ["LICENSE"]', 'regionGroup NOT IN ["OTHER"]'],
    ])
    expect(response.total).toBe(41)
    expect(response.facets).toEqual({ regionGroup: { BEIJING: 30, TIANJIN: 11 } })
    expect(response.hits[0].document).toEqual({ id: 'r1', title: '锂离子电池正极材料' })
    expect(response.hits[0].score).toBe(0.93)
    expect(response.hits[0].highlights.title).toBe(`${HIGHLIGHT_PRE}锂离子电池${HIGHLIGHT_POST}正极材料`)
  })

  it('declares a userProvided embedder, sends vectors as _vectors and searches hybrid', async () => {
    const engine = new MeilisearchEngine(host, undefined)
    await engine.ensureIndex('experts', { ...INDEX_SETTINGS.experts, vectorDimensions: 100 })
    const settings = requests.find((r) => r.method === 'PATCH')!.body as Record<string, unknown>
    expect(settings.embedders).toEqual({ [EMBEDDER_NAME]: { source: 'userProvided', dimensions: 100 } })

    await engine.upsert('experts', [
      { id: 'e1', name: '王老师', [VECTOR_ATTRIBUTE]: [0.6, 0.8] },
      { id: 'e2', name: '李老师', [VECTOR_ATTRIBUTE]: [] },
    ])
    const sentDocuments = requests.find((r) => r.path.startsWith('/indexes/experts/documents'))!.body
    expect(sentDocuments).toEqual([
      { id: 'e1', name: '王老师', _vectors: { [EMBEDDER_NAME]: [0.6, 0.8] } },
      { id: 'e2', name: '李老师', _vectors: { [EMBEDDER_NAME]: null } },
    ])

    await engine.search('experts', { q: '酶工程', vector: [0.6, 0.8], semanticRatio: 0.7 })
    const sent = requests.find((r) => r.path === '/indexes/experts/search')!.body as Record<string, unknown>
    expect(sent).toMatchObject({
      q: '酶工程',
      vector: [0.6, 0.8],
      hybrid: { embedder: EMBEDDER_NAME, semanticRatio: 0.7 },
    })
    expect(sent).not.toHaveProperty('retrieveVectors', true)
  })

  it('leaves hybrid parameters out of keyword searches and strips _vectors from hits', async () => {
    const engine = new MeilisearchEngine(host, undefined)
    const response = await engine.search('results', { q: '锂电池' })
    const sent = requests.find((r) => r.path === '/indexes/results/search')!.body as Record<string, unknown>
    expect(sent).not.toHaveProperty('hybrid')
    expect(sent).not.toHaveProperty('vector')
    expect(response.hits[0].document).not.toHaveProperty('_vectors')
  })

  it('escapes quotes in filter values', async () => {
    const engine = new MeilisearchEngine(host, undefined)
    await engine.search('results', { q: '', filter: [{ attribute: 'institution', in: ['北京"大学'] }] })
    const sent = requests.find((r) => r.path === '/indexes/results/search')!.body as { filter: string[] }
    expect(sent.filter).toEqual(['institution IN ["北京\\"大学"]'])
  })

  it('deletes by id and reads the document count', async () => {
    const engine = new MeilisearchEngine(host, undefined)
    await engine.delete('experts', ['e1', 'e2'])
    expect(requests.find((r) => r.path === '/indexes/experts/documents/delete-batch')!.body).toEqual(['e1', 'e2'])
    expect(await engine.count('experts')).toBe(7)
  })
})
