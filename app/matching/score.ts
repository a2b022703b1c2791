import type { ExpertDocument, ResultDocument } from '#search'
import { semanticEvidence } from './semantic'
import { coverage, type DocumentText, type KeyTerm } from './terms'

/** One reason a match was made, in both UI languages; `code` lets the UI group or style them. */
export interface Reason {
  code:
    'terms' | 'semantic' | 'field' | 'region' | 'maturity' | 'modes' | 'budget' | 'track' | 'feedback' | 'availability'
  zh: string
  en: string
}

export interface NeedProfile {
  fieldCode: string | null
  wantedStage: string | null
  wantedTrlMin: number | null
  cooperationModes: string[]
  budgetMaxYuan: number | null
  terms: KeyTerm[]
}

/** What the database says about a candidate beyond its document. */
export interface TrackRecord {
  /** Counted contracts of the institution (or of the result itself). */
  contracts: number
  /** Share of introduction requests answered (accepted or declined) before expiry; null without history. */
  responseRate: number | null
  /** Feedback of the enterprise that owns the need, on other needs. */
  ownerAccepted: number
  ownerDeclinedOutsideField: number
  /** Feedback of all enterprises. */
  accepted: number
  declined: number
}

export const EMPTY_TRACK_RECORD: TrackRecord = {
  contracts: 0,
  responseRate: null,
  ownerAccepted: 0,
  ownerDeclinedOutsideField: 0,
  accepted: 0,
  declined: 0,
}

export interface Scored {
  score: number
  confidence: 1 | 2 | 3 | 4 | 5
  coverage: number
  /** Semantic evidence in [0, 1] (see semanticEvidence). */
  semantic: number
  matchedTerms: string[]
  /** Terms found in the candidate's title, keywords or directions, not only its description. */
  strongTerms: string[]
  reasons: Reason[]
}

const STAGE_TRL: Record<string, number> = { LAB: 3, SMALL_PILOT: 5, PILOT: 6, INDUSTRIAL: 8 }
const STAGE_NAMES: Record<string, [string, string]> = {
  LAB: ['实验室阶段', 'lab stage'],
  SMALL_PILOT: ['小试阶段', 'small pilot'],
  PILOT: ['中试阶段', 'pilot'],
  INDUSTRIAL: ['产业化阶段', 'industrial'],
}
export const MODE_NAMES: Record<string, [string, string]> = {
  DEVELOPMENT: ['技术开发', 'development'],
  TRANSFER: ['技术转让', 'transfer'],
  LICENSE: ['技术许可', 'licence'],
  CONSULTING: ['技术咨询', 'consulting'],
  SERVICE: ['技术服务', 'service'],
  EQUITY: ['作价入股', 'equity'],
}
const REGION_NAMES: Record<string, [string, string]> = {
  BAODI: ['宝坻本地', 'Baodi itself'],
  BEIJING: ['北京', 'Beijing'],
  TIANJIN: ['天津', 'Tianjin'],
  HEBEI: ['河北', 'Hebei'],
}

/**
 * Score bounds of confidence 2, 3, 4 and 5, calibrated on the relevance set collected from real
 * postings (`npm run eval:relevance` prints each level's measured precision).
 */
export const CONFIDENCE_BOUNDS = [0.25, 0.33, 0.45, 0.52] as const

/**
 * From this similarity a match that shares no term with the other side says it was found by
 * meaning ("内容语义相近"). The need's similarity is the engine's hybrid score; the offer's is
 * the cosine of the two texts' vectors, which runs lower for the same closeness.
 */
export const SEMANTIC_REASON_FROM = { need: 0.6, offer: 0.5 } as const

/**
 * Score → confidence 1–5. A match with little textual evidence (neither the need's terms nor
 * its meaning) is never confident, whatever its field, region or record.
 */
export function confidenceOf(score: number, evidence: number, lexical = evidence): Scored['confidence'] {
  const byScore = 1 + CONFIDENCE_BOUNDS.filter((bound) => score >= bound).length
  const cap = evidence >= 0.45 ? 5 : evidence >= 0.25 ? 3 : 2
  // Meaning alone (no term of the need found) is a lead worth showing, not a certainty.
  const lexicalCap = lexical > 0 ? 5 : 3
  return Math.min(byScore, cap, lexicalCap) as Scored['confidence']
}

function fieldFit(needField: string | null, candidateFields: string[], fieldNames: Map<string, string[]>) {
  if (!needField || candidateFields.length === 0) return { value: 0.4, reason: null }
  const [zh, en] = fieldNames.get(needField) ?? [needField, needField]
  if (candidateFields.includes(needField)) {
    return { value: 1, reason: { code: 'field', zh: `同属${zh}领域`, en: `Same field: ${en}` } as Reason }
  }
  const parent = needField.split('.')[0]
  if (candidateFields.some((f) => f.split('.')[0] === parent)) {
    const [pzh, pen] = fieldNames.get(parent) ?? [parent, parent]
    return { value: 0.6, reason: { code: 'field', zh: `相近领域（${pzh}）`, en: `Related field (${pen})` } as Reason }
  }
  return { value: 0, reason: null }
}

function regionFit(group: string) {
  const names = REGION_NAMES[group]
  if (!names) return { value: 0.3, reason: null }
  const value = group === 'OTHER' ? 0.3 : 1
  return {
    value,
    reason: {
      code: 'region',
      zh: `京津冀协同：来自${names[0]}`,
      en: `Beijing–Tianjin–Hebei: from ${names[1]}`,
    } as Reason,
  }
}

function trackFit(track: TrackRecord): { value: number; reasons: Reason[] } {
  const reasons: Reason[] = []
  const contracts = Math.min(1, Math.log1p(track.contracts) / Math.log1p(20))
  if (track.contracts > 0) {
    reasons.push({
      code: 'track',
      zh: `已有${track.contracts}项技术合同成交`,
      en: `${track.contracts} technology contract(s) concluded`,
    })
  }
  const response = track.responseRate ?? 0.6
  if (track.responseRate !== null && track.responseRate >= 0.7) {
    const pct = Math.round(track.responseRate * 100)
    reasons.push({ code: 'track', zh: `对接请求响应率${pct}%`, en: `Answers ${pct}% of introduction requests` })
  }
  return { value: 0.6 * contracts + 0.4 * response, reasons }
}

/** Feedback adjusts the score directly: this enterprise's own experience weighs most. */
function feedbackAdjustment(track: TrackRecord): { value: number; reason: Reason | null } {
  let value = 0.05 * Math.min(track.ownerAccepted, 2) - 0.12 * Math.min(track.ownerDeclinedOutsideField, 2)
  value += (0.04 * (track.accepted - track.declined)) / (track.accepted + track.declined + 2)
  const reason: Reason | null =
    track.ownerAccepted > 0
      ? { code: 'feedback', zh: '贵单位曾接受过该方的对接', en: 'Your organization accepted them before' }
      : null
  return { value, reason }
}

function termReason(matched: string[]): Reason | null {
  if (matched.length === 0) return null
  const list = matched.slice(0, 6)
  return { code: 'terms', zh: `匹配关键词：${list.join('、')}`, en: `Matching terms: ${list.join(', ')}` }
}

const clamp = (v: number) => Math.max(0, Math.min(1, v))

/** How much the keyword side (coverage of the need's terms) weighs against the meaning side. */
export const LEXICAL_WEIGHT = 0.7

/** The text evidence a candidate brings: its words and its meaning. */
export interface TextEvidence {
  documentText: DocumentText
  /** The engine's relevance in [0, 1]. */
  engineScore: number
  /** Cosine of the need's and the candidate's vectors; null when either has none. */
  similarity: number | null
}

/** What every candidate is judged on: text coverage and meaning, field, region, track record, feedback. */
function commonFit(
  need: NeedProfile,
  fields: string[],
  regionGroup: string,
  evidence: TextEvidence,
  track: TrackRecord,
  fieldNames: Map<string, string[]>,
) {
  const { covered, strong, ratio } = coverage(need.terms, evidence.documentText)
  const lexical = 0.75 * ratio + 0.25 * evidence.engineScore
  const semantic = semanticEvidence(evidence.similarity)
  return {
    ratio,
    semantic,
    text: LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * semantic,
    matchedTerms: covered.map((t) => t.term),
    strongTerms: strong.map((t) => t.term),
    field: fieldFit(need.fieldCode, fields, fieldNames),
    region: regionFit(regionGroup),
    track: trackFit(track),
    feedback: feedbackAdjustment(track),
  }
}

/** The scored match with its reasons in display order: terms, field, region, specifics, record. */
function scored(score: number, fit: ReturnType<typeof commonFit>, specific: Array<Reason | null>): Scored {
  return {
    score,
    confidence: confidenceOf(score, Math.max(fit.ratio, fit.semantic), fit.ratio),
    coverage: fit.ratio,
    semantic: fit.semantic,
    matchedTerms: fit.matchedTerms,
    strongTerms: fit.strongTerms,
    reasons: [
      termReason(fit.matchedTerms),
      fit.field.reason,
      fit.region.reason,
      ...specific,
      ...fit.track.reasons,
      fit.feedback.reason,
    ].filter((r): r is Reason => r !== null),
  }
}

export function scoreResult(
  need: NeedProfile,
  document: ResultDocument,
  evidence: TextEvidence,
  track: TrackRecord,
  fieldNames: Map<string, string[]>,
): Scored {
  const fit = commonFit(need, document.fieldCodes, document.regionGroup, evidence, track, fieldNames)
  const reasons: Reason[] = []

  let maturity = 0.5
  const wantedTrl = need.wantedTrlMin ?? (need.wantedStage ? STAGE_TRL[need.wantedStage] : null)
  const trl = document.trl ?? (document.stage ? STAGE_TRL[document.stage] : null)
  if (wantedTrl && trl) {
    maturity = trl >= wantedTrl ? 1 : trl >= wantedTrl - 1 ? 0.5 : 0.1
    if (trl >= wantedTrl) {
      const stage = document.stage ? STAGE_NAMES[document.stage] : null
      reasons.push({
        code: 'maturity',
        zh: `成熟度满足要求${stage ? `（${stage[0]}，TRL ${trl}）` : `（TRL ${trl}）`}`,
        en: `Mature enough${stage ? ` (${stage[1]}, TRL ${trl})` : ` (TRL ${trl})`}`,
      })
    }
  }

  let modes = 0.5
  if (need.cooperationModes.length && document.transferModes.length) {
    const shared = need.cooperationModes.filter((m) => document.transferModes.includes(m))
    modes = shared.length ? 1 : 0.15
    if (shared.length) {
      reasons.push({
        code: 'modes',
        zh: `合作方式相符：${shared.map((m) => MODE_NAMES[m]?.[0] ?? m).join('、')}`,
        en: `Cooperation modes fit: ${shared.map((m) => MODE_NAMES[m]?.[1] ?? m).join(', ')}`,
      })
    }
  }

  let budget = 0.5
  if (need.budgetMaxYuan && document.priceMinYuan) {
    budget =
      document.priceMinYuan <= need.budgetMaxYuan ? 1 : document.priceMinYuan <= need.budgetMaxYuan * 1.5 ? 0.4 : 0
    if (budget === 1) reasons.push({ code: 'budget', zh: '报价在预算范围内', en: 'Price within the budget' })
  }

  const score = clamp(
    0.55 * fit.text +
      0.12 * fit.field.value +
      0.06 * fit.region.value +
      0.07 * maturity +
      0.07 * modes +
      0.05 * budget +
      0.08 * fit.track.value +
      fit.feedback.value,
  )
  return scored(score, fit, reasons)
}

export function scoreExpert(
  need: NeedProfile,
  document: ExpertDocument,
  evidence: TextEvidence,
  track: TrackRecord,
  fieldNames: Map<string, string[]>,
): Scored {
  const fit = commonFit(need, document.fieldCodes, document.regionGroup, evidence, track, fieldNames)
  const availability: Reason | null = document.available
    ? { code: 'availability', zh: '目前可承接新项目', en: 'Available for new projects' }
    : null
  const score = clamp(
    0.62 * fit.text +
      0.14 * fit.field.value +
      0.07 * fit.region.value +
      0.1 * fit.track.value +
      0.07 * (document.available ? 1 : 0) +
      fit.feedback.value,
  )
  return scored(score, fit, [availability])
}
