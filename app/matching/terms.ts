import { SYNONYM_GROUPS, canonicalTerm, keyTerms, matchTokens, segment, tokenize, type MatchTokens } from '#search'

/** How often words occur across the platform's listings (app/search/vectors.server.ts). */
export interface TermStatistics {
  documents: number
  documentFrequency: Map<string, number>
}

/**
 * Words that say nothing about a technology on their own. The corpus decides beyond these (see
 * `isGeneric`); this list covers a young platform whose corpus is still too small to tell.
 */
const GENERIC_WORDS = new Set(
  '工艺 材料 装备 设备 提高 提升 方向 研究 研究成果 成果 揭榜挂帅 技术 技术难题 难题 问题 需求 企业 公司 产品 生产 开发 研发 应用 系统 方法 项目 解决 实现 进行 相关 需要 希望 目前 现有 主要 领域 行业 产业 质量 效率 成本 能力 水平 关键 核心 合作 团队 专家 高校 工人 人工 经验 全凭 办法 越来越 想找'.split(
    ' ',
  ),
)
/** A word in more than this share of listings is generic here (once there are enough listings). */
const GENERIC_SHARE = 0.06
const MIN_DOCUMENTS_FOR_SHARE = 50

export function isGeneric(term: string, stats?: TermStatistics): boolean {
  if (GENERIC_WORDS.has(term)) return true
  if (!stats || stats.documents < MIN_DOCUMENTS_FOR_SHARE) return false
  return (stats.documentFrequency.get(term) ?? 0) / stats.documents > GENERIC_SHARE
}

/** Meilisearch reads at most 10 query words; the matcher never sends more. */
export const MAX_QUERY_TERMS = 10

const THESAURUS_CANONICAL = new Set(SYNONYM_GROUPS.map((g) => g[0].toLowerCase()))

export interface KeyTerm {
  /** The word as shown to people (the canonical thesaurus form when there is one). */
  term: string
  /** 1 for the most important term, decreasing. */
  weight: number
}

/**
 * The need's key terms, most important first: the enterprise's own keywords, then domain terms the
 * thesaurus knows, then TF-IDF terms of the title (counted twice) and the description. A whole
 * description is never sent as a query.
 */
export function extractKeyTerms(
  text: { title: string; summary: string; keywords?: string[] },
  options: { limit?: number; stats?: TermStatistics } = {},
): KeyTerm[] {
  const limit = options.limit ?? MAX_QUERY_TERMS
  const seen = new Set<string>()
  const coveredTokens = new Set<string>()
  const ordered: string[] = []
  const add = (raw: string, own = false) => {
    const term = canonicalTerm(raw.trim())
    if (!term || seen.has(term) || ordered.length >= limit) return
    // The enterprise's own keywords stay; other generic words would pull in unrelated listings.
    if (!own && isGeneric(term, options.stats)) return
    // A term whose tokens are all part of terms already chosen ("医疗" after "医疗影像设备") adds nothing.
    const tokens = tokenize(term)
    if (tokens.length === 0 || tokens.every((t) => coveredTokens.has(t))) return
    seen.add(term)
    tokens.forEach((t) => coveredTokens.add(t))
    ordered.push(term)
  }
  // The enterprise's own keywords and known domain terms weigh most; TF-IDF terms less and less.
  const weights: number[] = []
  for (const keyword of text.keywords ?? []) add(keyword, true)
  const body = `${text.title}。${text.title}。${text.summary}`
  for (const token of segment(body)) if (THESAURUS_CANONICAL.has(canonicalTerm(token))) add(token)
  while (weights.length < ordered.length) weights.push(1 - weights.length * 0.03)
  // TF-IDF terms weigh by their TF-IDF: a rare word ("氨氮") counts more than a common one ("数据").
  const extracted = keyTerms(body, limit * 2)
  const top = extracted[0]?.weight ?? 1
  for (const { term, weight } of extracted) {
    const before = ordered.length
    add(term)
    if (ordered.length > before) weights.push(Math.max(0.2, Math.min(0.7, (0.8 * weight) / top)))
  }
  return ordered.map((term, i) => ({ term, weight: weights[i] }))
}

/** The tokens a term contributes to matching (a keyword like "锂电池正极材料" gives several). */
export function termTokens(term: string): string[] {
  return [...new Set(tokenize(term))]
}

/**
 * A document's tokens: `primary` from its title and keywords, `all` from every text field; its
 * plain words (for semantic reasons) and its lower-cased text (for compounds jieba splits).
 */
export interface DocumentText {
  primary: Set<string>
  all: Set<string>
  primaryWords: Set<string>
  primaryRaw: string
  allRaw: string
}

/** `tokens`, when given, are the stored tokens of the same text (app/search/vectors.server.ts). */
export function documentText(
  primary: string,
  secondary: string,
  tokens: MatchTokens = matchTokens({ primary, secondary }),
): DocumentText {
  const primaryRaw = primary.toLowerCase()
  return {
    primary: new Set(tokens.primary),
    all: new Set(tokens.all),
    primaryWords: new Set(tokens.primaryWords),
    primaryRaw,
    allRaw: `${primaryRaw} ${secondary.toLowerCase()}`,
  }
}

const CJK_COMPOUND = /^[\u4e00-\u9fff]{3,}$/

/**
 * Which key terms a document covers, weighted by where: a term counts fully when the document's
 * title or keywords have it (whole, as a synonym, or all its tokens), 0.7 when only its
 * description does, and partly when the document has some of its tokens.
 */
export function coverage(
  terms: KeyTerm[],
  text: DocumentText,
): { covered: KeyTerm[]; strong: KeyTerm[]; ratio: number } {
  let got = 0
  let total = 0
  const covered: KeyTerm[] = []
  const strong: KeyTerm[] = []
  // A compound of three or more characters also counts when it appears verbatim: the dictionary
  // may lack it and split it differently in the two texts ("壳聚糖季铵盐").
  const has = (set: Set<string>, raw: string, term: string, tokens: string[]) =>
    set.has(canonicalTerm(term)) || tokens.every((t) => set.has(t)) || (CJK_COMPOUND.test(term) && raw.includes(term))
  for (const term of terms) {
    const tokens = termTokens(term.term)
    total += term.weight
    if (has(text.primary, text.primaryRaw, term.term, tokens)) {
      got += term.weight
      covered.push(term)
      strong.push(term)
    } else if (has(text.all, text.allRaw, term.term, tokens)) {
      got += term.weight * 0.7
      covered.push(term)
    } else {
      const hits = tokens.filter((t) => text.all.has(t)).length
      got += (term.weight * hits) / tokens.length / 3
    }
  }
  return { covered, strong, ratio: total === 0 ? 0 : got / total }
}
