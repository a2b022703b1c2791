import { describe, expect, it } from 'vitest'
import { InvertedIndex } from './inverted-index'
import { highlightText } from './embedded'
import { keyTerms, segment, tokenize } from './text'
import { canonicalTerm, meilisearchSynonyms, surfaceForms } from './thesaurus'
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './port'

describe('Chinese text analysis', () => {
  it('segments with jieba and folds thesaurus synonyms onto one form', () => {
    const a = new Set(tokenize('锂电池正极材料'))
    const b = new Set(tokenize('锂离子电池的正极材料'))
    expect(a.has('锂电池')).toBe(true)
    expect(b.has('锂电池')).toBe(true)
    expect(a.has('正极材料') && b.has('正极材料')).toBe(true)
    expect(tokenize('AI')).toEqual(['人工智能'])
  })

  it('drops stop words, punctuation and single characters but keeps element names', () => {
    const tokens = tokenize('我们希望，的了 钼靶材')
    expect(tokens).not.toContain('我们')
    expect(tokens).not.toContain('的')
    expect(tokens).toContain('钼')
    expect(tokens).toContain('靶材')
  })

  it('extracts key terms by TF-IDF without place names or filler verbs', () => {
    const terms = keyTerms('宝坻一家公司生产注塑件，产品表面缺陷靠人工检测，想找高校帮忙', 10).map((t) => t.term)
    expect(terms).toEqual(expect.arrayContaining(['注塑', '缺陷']))
    expect(terms).not.toContain('宝坻')
    expect(terms).not.toContain('帮忙')
    expect(segment('我们的锂电池')).toEqual(['锂电池'])
  })

  it('turns the thesaurus into two-way Meilisearch synonyms', () => {
    const synonyms = meilisearchSynonyms()
    expect(synonyms['动力电池']).toContain('锂电池')
    expect(synonyms['锂电池']).toContain('动力电池')
    expect(canonicalTerm('锂离子电池')).toBe('锂电池')
    expect(surfaceForms('动力电池')).toContain('锂离子电池')
  })

  it('highlights every surface form of a matched term, merging overlaps', () => {
    expect(highlightText('动力电池与锂电池', ['锂电池'])).toBe(
      `${HIGHLIGHT_PRE}动力电池${HIGHLIGHT_POST}与${HIGHLIGHT_PRE}锂电池${HIGHLIGHT_POST}`,
    )
    expect(highlightText('无关内容', ['锂电池'])).toBe('无关内容')
  })
})

describe('inverted index', () => {
  const make = () =>
    new InvertedIndex<string>(
      [
        { name: 'title', weight: 2 },
        { name: 'body', weight: 1 },
      ],
      tokenize,
    )

  it('ranks by matched terms and field weight, and forgets removed documents', () => {
    const index = make()
    index.add('a', ['锂电池 正极材料', ''], 'a')
    index.add('b', ['', '锂电池'], 'b')
    index.add('c', ['机器视觉', ''], 'c')
    const scored = index.query(tokenize('锂电池 正极材料'), false, () => true)
    const byId = new Map(scored.map((s) => [index.idOf(s.ordinal), s]))
    expect([...byId.keys()].sort()).toEqual(['a', 'b'])
    expect(byId.get('a')!.matched).toBeGreaterThan(byId.get('b')!.matched)
    expect(index.query(tokenize('锂电池 正极材料'), true, () => true).map((s) => index.idOf(s.ordinal))).toEqual(['a'])
    index.remove('a')
    expect(index.query(tokenize('锂电池'), false, () => true).map((s) => index.payloadOf(s.ordinal))).toEqual(['b'])
    expect(index.size).toBe(2)
    expect(index.garbageRatio).toBeGreaterThan(0)
  })

  it('replaces a document added twice under the same id', () => {
    const index = make()
    index.add('a', ['锂电池', ''], 'old')
    index.add('a', ['机器视觉', ''], 'new')
    expect(index.size).toBe(1)
    expect(index.query(tokenize('锂电池'), false, () => true)).toHaveLength(0)
    expect(index.query(tokenize('机器视觉'), false, () => true).map((s) => index.payloadOf(s.ordinal))).toEqual(['new'])
  })
})
