import { Jieba, TfIdf } from '@node-rs/jieba'
import { dict, idf } from '@node-rs/jieba/dict'
import { STOP_WORDS, SYNONYM_GROUPS, canonicalTerm } from './thesaurus'

/**
 * Chinese text analysis shared by the embedded engine and the matcher: jieba segmentation (the
 * segmenter family Meilisearch's charabia uses for `cmn`), the domain thesaurus as extra dictionary
 * words so "锂离子电池" and "正极材料" stay whole, and TF-IDF key-term extraction.
 */
const jieba = Jieba.withDict(dict)
const domainWords = SYNONYM_GROUPS.flat()
  .filter((term) => /[\u4e00-\u9fff]/.test(term))
  .map((term) => `${term} 200000 n`)
jieba.loadDict(Buffer.from(domainWords.join('\n')))

const tfidf = TfIdf.withDict(idf)
const stopWords = new Set(STOP_WORDS)

const WORD = /[\p{L}\p{N}]/u
const CJK = /^[\u4e00-\u9fff]$/
/** Chemical elements are whole technical terms in one character ("钼靶材", "硅负极"). */
const ELEMENTS = new Set(
  '氢锂铍硼碳氮氧氟钠镁铝硅磷硫氯钾钙钛钒铬锰铁钴镍铜锌镓锗砷硒溴锶锆铌钼钯银镉铟锡锑碲碘铯钡镧铈钕铪钽钨铂金汞铅铋铀'.split(
    '',
  ),
)

function keep(token: string): boolean {
  if (!WORD.test(token)) return false
  if (stopWords.has(token)) return false
  // A single Chinese character is almost never a technical term on its own.
  if (CJK.test(token) && !ELEMENTS.has(token)) return false
  return true
}

/** Index- and query-time tokens: search-mode segmentation, lower-cased, stop words out, synonyms folded. */
export function tokenize(text: string): string[] {
  if (!text) return []
  const tokens: string[] = []
  for (const raw of jieba.cutForSearch(text, true)) {
    const token = raw.trim().toLowerCase()
    if (keep(token)) tokens.push(canonicalTerm(token))
  }
  return tokens
}

/** Plain segmentation (no overlapping sub-words), for showing and extracting terms. */
export function segment(text: string): string[] {
  return jieba
    .cut(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter(keep)
}

/**
 * Parts of speech that can name a technology: common and other proper nouns, verbal nouns,
 * verbs (generic ones are stop words), abbreviations, foreign and unknown words. Not place or person
 * names ("宝坻", "北京"), adjectives or set phrases ("一段时间").
 */
const TERM_POS = ['n', 'nz', 'nl', 'ng', 'vn', 'v', 'eng', 'x', 'j', 'an']

/**
 * A listing's text as the matcher reads it: `primary` (what it is: a result's title and keywords,
 * an expert's directions and keywords, a need's title and keywords) and `secondary` (the rest).
 */
const MATCH_FIELDS: Record<string, [string[], string[]]> = {
  results: [['title', 'keywords'], ['abstract']],
  experts: [
    ['directions', 'keywords'],
    ['bio', 'title'],
  ],
  needs: [['title', 'keywords'], ['summary']],
}

const fieldText = (document: Record<string, unknown>, attributes: string[]) =>
  attributes
    .map((a) => {
      const v = document[a]
      return Array.isArray(v) ? v.join(' ') : v == null ? '' : String(v)
    })
    .join(' ')

export function matchText(index: string, document: Record<string, unknown>): { primary: string; secondary: string } {
  const [primary, secondary] = MATCH_FIELDS[index]
  return { primary: fieldText(document, primary), secondary: fieldText(document, secondary) }
}

/** The tokens the matcher compares, computed once per listing version and stored with its vector. */
export interface MatchTokens {
  /** Search tokens of the primary text. */
  primary: string[]
  /** Search tokens of the whole text. */
  all: string[]
  /** Plain words of the primary text (for "close in meaning" reasons). */
  primaryWords: string[]
}

export function matchTokens(text: { primary: string; secondary: string }): MatchTokens {
  const primary = [...new Set(tokenize(text.primary))]
  return {
    primary,
    all: [...new Set([...primary, ...tokenize(text.secondary)])],
    primaryWords: [...new Set(segment(text.primary))],
  }
}

/** The `limit` most characteristic terms of a text by TF-IDF, best first, with their weights. */
export function keyTerms(text: string, limit: number): Array<{ term: string; weight: number }> {
  if (!text.trim()) return []
  return tfidf
    .extractKeywords(jieba, text, limit * 2, TERM_POS)
    .map((k) => ({ term: k.keyword.toLowerCase(), weight: k.weight }))
    .filter((k) => keep(k.term))
    .slice(0, limit)
}

/** The words of a text that carry meaning, for embedding: plain segmentation, stop words out. */
export function contentWords(text: string): string[] {
  return text ? segment(text) : []
}

/** The shorter dictionary words inside a word ("蛋白酶发酵" → 蛋白, 蛋白酶, 发酵), itself excluded. */
export function searchPieces(word: string): string[] {
  return jieba
    .cutForSearch(word, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== word && keep(t))
}
