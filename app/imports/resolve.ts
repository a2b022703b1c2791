/**
 * Free text in imported files → the model's values. Institutes write "中试", "小试阶段",
 * "TRL6"; "技术转让、许可" for modes; "新材料" or "MAT" for a field. Unrecognised values become
 * warnings, not errors: the row still imports without that detail.
 */
import type { CooperationMode, MaturityStage } from '~/generated/prisma/enums'

const MODE_WORDS: Array<[RegExp, CooperationMode]> = [
  [/转让|transfer/i, 'TRANSFER'],
  [/许可|授权|licen[cs]e/i, 'LICENSE'],
  [/开发|研发|攻关|联合|合作研发|development/i, 'DEVELOPMENT'],
  [/咨询|consult/i, 'CONSULTING'],
  [/服务|培训|检测|service/i, 'SERVICE'],
  [/入股|作价|股权|equity/i, 'EQUITY'],
]

export function cooperationModesFromText(values: string[]): { modes: CooperationMode[]; unknown: string[] } {
  const modes = new Set<CooperationMode>()
  const unknown: string[] = []
  for (const value of values) {
    const upper = value.trim().toUpperCase()
    if (MODE_WORDS.some(([, mode]) => mode === upper)) {
      modes.add(upper as CooperationMode)
      continue
    }
    const found = MODE_WORDS.filter(([pattern]) => pattern.test(value)).map(([, mode]) => mode)
    if (found.length) found.forEach((m) => modes.add(m))
    else unknown.push(value)
  }
  return { modes: [...modes], unknown }
}

const STAGE_WORDS: Array<[RegExp, MaturityStage]> = [
  [/产业化|量产|批量|规模化|成熟应用|已应用|industrial/i, 'INDUSTRIAL'],
  [/小试|small/i, 'SMALL_PILOT'],
  [/中试|样机|示范|pilot/i, 'PILOT'],
  [/实验室|研发阶段|原理|概念|lab/i, 'LAB'],
]

/**
 * "中试阶段" → PILOT; "TRL 7" → TRL 7 with the matching stage; "中试 TRL7" → both as written. A
 * stage alone leaves the TRL unknown (matching assumes the stage's usual level).
 */
export function maturityFromText(text: string): { stage: MaturityStage; trl: number | null } | null {
  const value = text.trim()
  if (!value) return null
  const trl = /trl\s*[-:：]?\s*([1-9])/i.exec(value) ?? /^([1-9])$/.exec(value)
  const words = value.replace(/trl\s*[-:：]?\s*[1-9]/i, '').trim()
  const upper = words.toUpperCase()
  const named =
    words === ''
      ? undefined
      : (STAGE_WORDS.find(([, stage]) => stage === upper) ?? STAGE_WORDS.find(([pattern]) => pattern.test(words)))
  if (trl) {
    const level = Number(trl[1])
    const stage: MaturityStage = level >= 8 ? 'INDUSTRIAL' : level >= 6 ? 'PILOT' : level >= 4 ? 'SMALL_PILOT' : 'LAB'
    return { stage: named?.[1] ?? stage, trl: level }
  }
  return named ? { stage: named[1], trl: null } : null
}

/** Names people use for the platform's fields that differ from the taxonomy's own names. */
const FIELD_ALIASES: Record<string, string> = {
  新材料: 'MAT',
  材料: 'MAT',
  化工新材料: 'MAT',
  新能源: 'ENERGY',
  节能: 'ENERGY',
  能源: 'ENERGY',
  电池: 'ENERGY.BATTERY',
  动力电池: 'ENERGY.BATTERY',
  锂电池: 'ENERGY.BATTERY',
  人工智能: 'EI.AI',
  物联网: 'EI.AI',
  大数据: 'EI.DATA',
  信息技术: 'EI',
  电子信息: 'EI',
  软件: 'EI',
  智能制造: 'ADV',
  高端装备: 'ADV',
  装备制造: 'ADV',
  机械: 'ADV',
  机器人: 'ADV.ROBOT',
  传感器: 'ADV.SENSOR',
  生物医药: 'BIO',
  医药: 'BIO',
  生物: 'BIO',
  医疗器械: 'BIO.DEVICE',
  环保: 'ENV',
  节能环保: 'ENV',
  生态环境: 'ENV',
  农业: 'AGRI',
  现代农业: 'AGRI',
  食品: 'AGRI',
  汽车: 'TRANSPORT',
  交通: 'TRANSPORT',
  智能网联汽车: 'TRANSPORT.ICV',
  建筑: 'URBAN',
  航空航天: 'AERO',
}

export interface FieldRef {
  code: string
  nameZh: string
  nameEn: string
}

/** A field code from a code, a taxonomy name, a known alias, or a name contained in the text. */
export function fieldCodeFromText(text: string, fields: FieldRef[]): string | null {
  const value = text.trim()
  if (!value) return null
  const upper = value.toUpperCase()
  const byCode = fields.find((f) => f.code === upper)
  if (byCode) return byCode.code
  const byName = fields.find((f) => f.nameZh === value || f.nameEn.toLowerCase() === value.toLowerCase())
  if (byName) return byName.code
  const alias = FIELD_ALIASES[value]
  if (alias && fields.some((f) => f.code === alias)) return alias
  const contained = fields
    .filter((f) => value.includes(f.nameZh) || f.nameZh.includes(value))
    .sort((a, b) => b.code.length - a.code.length)[0]
  if (contained) return contained.code
  const aliasInside = Object.entries(FIELD_ALIASES)
    .filter(([word]) => value.includes(word))
    .sort((a, b) => b[0].length - a[0].length)[0]
  return aliasInside && fields.some((f) => f.code === aliasInside[1]) ? aliasInside[1] : null
}

/** A list cell: an array, or text separated by 、，,;；| or new lines. */
export function listFromCell(value: unknown): string[] {
  if (value === undefined || value === null) return []
  const items = Array.isArray(value) ? value.map(String) : String(value).split(/[、，,;；|\n]/)
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))]
}
