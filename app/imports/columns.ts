import { z } from 'zod'
import { listFromCell } from './resolve'
import type { RawRow } from './read.server'

export const IMPORT_KINDS = ['organizations', 'experts', 'results', 'needs', 'contracts'] as const
export type ImportKindName = (typeof IMPORT_KINDS)[number]

/** Kinds an office may import from the browser, always into its own organization. */
export const OFFICE_IMPORT_KINDS = ['results', 'experts'] as const
export type OfficeImportKind = (typeof OFFICE_IMPORT_KINDS)[number]
/** Bureau staff import registry exports of technology contracts. */
export const BUREAU_IMPORT_KINDS = ['contracts'] as const
export type BrowserImportKind = OfficeImportKind | (typeof BUREAU_IMPORT_KINDS)[number]

export interface Column {
  key: string
  /** The header of our template. */
  zh: string
  /** Other headers people use for the same column. */
  aliases: string[]
  required?: boolean
  list?: boolean
}

const c = (key: string, zh: string, aliases: string[] = [], extra: Partial<Column> = {}): Column => ({
  key,
  zh,
  aliases,
  ...extra,
})

/** The documented columns of each kind: English keys in JSON, Chinese headers in spreadsheets. */
export const COLUMNS: Record<ImportKindName, Column[]> = {
  organizations: [
    c('name', '单位名称', ['名称', '机构名称', '企业名称'], { required: true }),
    c('creditCode', '统一社会信用代码', ['信用代码', '社会信用代码'], { required: true }),
    c('kind', '单位类型', ['类型', '机构类型']),
    c('region', '所在地区', ['地区', '区域', '行政区划代码', 'regionCode']),
    c('website', '网址', ['网站']),
    c('description', '简介', ['单位简介', '介绍']),
  ],
  experts: [
    c('externalId', '外部编号', ['编号', 'ID', '专家编号']),
    c('name', '姓名', ['专家姓名', '专家'], { required: true }),
    c('institution', '所属单位', ['单位', '依托单位', '工作单位', '机构'], { required: true }),
    c('creditCode', '所属单位信用代码', ['单位信用代码', '统一社会信用代码', '信用代码', '社会信用代码']),
    c('title', '职称', ['职务', '职称/职务']),
    c('directions', '研究方向', ['方向', '专业方向', '技术方向'], { list: true }),
    c('keywords', '关键词', ['关键字', '标签'], { list: true }),
    c('field', '技术领域', ['领域', '所属领域'], { list: true }),
    c('bio', '个人简介', ['简介', '专家简介']),
    c('achievements', '代表性成果', ['主要成果', '成果']),
    c('email', '邮箱', ['电子邮箱', 'Email']),
    c('phone', '电话', ['联系电话', '手机']),
    c('available', '可承接项目', ['是否可承接', '可用']),
    c('status', '状态', ['发布状态']),
  ],
  results: [
    c('externalId', '外部编号', ['编号', 'ID', '成果编号']),
    c('title', '成果名称', ['名称', '项目名称', '标题'], { required: true }),
    c('abstract', '成果简介', ['简介', '摘要', '成果介绍', '技术简介'], { required: true }),
    c('institution', '完成单位', ['所属单位', '单位', '依托单位', '机构'], { required: true }),
    c('creditCode', '完成单位信用代码', ['单位信用代码', '统一社会信用代码', '信用代码', '社会信用代码']),
    c('field', '技术领域', ['领域', '所属领域', '行业领域']),
    c('keywords', '关键词', ['关键字', '标签'], { list: true }),
    c('maturity', '成熟度', ['技术成熟度', '成果阶段', '所处阶段', '阶段']),
    c('transferModes', '转化方式', ['合作方式', '交易方式', '转让方式'], { list: true }),
    c('ipType', '知识产权类型', ['知识产权']),
    c('patentNumbers', '专利号', ['专利号码', '专利'], { list: true }),
    c('priceMinYuan', '最低报价（元）', ['最低价格']),
    c('priceMaxYuan', '最高报价（元）', ['最高价格', '报价（元）', '价格（元）']),
    c('experts', '团队专家', ['成果负责人', '负责人', '团队成员', '完成人'], { list: true }),
    c('status', '状态', ['发布状态']),
  ],
  needs: [
    c('externalId', '外部编号', ['编号', 'ID', '需求编号']),
    c('title', '需求名称', ['名称', '需求标题', '标题'], { required: true }),
    c('description', '需求描述', ['描述', '问题描述', '需求内容', '需求简介', 'summary'], { required: true }),
    c('enterprise', '需求企业', ['企业', '企业名称', '需求单位', '单位'], { required: true }),
    c('creditCode', '企业信用代码', ['需求企业信用代码', '统一社会信用代码', '信用代码', '社会信用代码']),
    c('region', '所在地区', ['地区', '区域', '所在地', '镇街', 'regionCode']),
    c('field', '技术领域', ['领域', '所属领域', '行业领域']),
    c('keywords', '关键词', ['关键字', '标签'], { list: true }),
    c('triedApproaches', '已尝试的方法', ['已尝试', '现有方案']),
    c('confidentialDetail', '保密详情', ['保密内容', '详细需求']),
    c('budgetWan', '预算（万元）', ['预算', '资金预算（万元）', '拟投入资金（万元）']),
    c('deadline', '截止日期', ['期限', '需求截止日期']),
    c('cooperationModes', '合作方式', ['期望合作方式', '合作模式'], { list: true }),
    c('maturity', '期望成熟度', ['成熟度要求', '期望阶段']),
    c('status', '状态', ['发布状态']),
  ],
  contracts: [
    c('externalId', '外部编号', ['编号', 'ID']),
    c('registrationNumber', '合同登记编号', ['登记编号', '登记号']),
    c('type', '合同类型', ['类型', '技术合同类型'], { required: true }),
    c('projectName', '项目名称', ['合同名称', '名称'], { required: true }),
    c('buyer', '买方', ['买方名称', '委托方', '受让方', '许可方（买方）'], { required: true }),
    c('buyerCreditCode', '买方信用代码', ['买方统一社会信用代码']),
    c('buyerRegion', '买方地区', ['买方所在地区', '买方行政区划']),
    c('seller', '卖方', ['卖方名称', '受托方', '让与方'], { required: true }),
    c('sellerCreditCode', '卖方信用代码', ['卖方统一社会信用代码']),
    c('sellerRegion', '卖方地区', ['卖方所在地区', '卖方行政区划']),
    c('amountYuan', '成交额（元）', ['合同成交额', '成交金额（元）', '合同金额（元）'], { required: true }),
    c('techAmountYuan', '技术交易额（元）', ['技术交易金额（元）']),
    c('signedOn', '签订日期', ['签约日期', '合同签订日期'], { required: true }),
    c('registeredOn', '登记日期', ['认定登记日期']),
    c('field', '技术领域', ['领域']),
  ],
}

/** Strips decorations people add to headers: spaces, "*", "（必填）". */
function headerKey(header: string): string {
  return header
    .replace(/[（(]\s*(必填|选填|可选|required|optional)\s*[)）]/gi, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase()
}

/** Maps each header of a file to a column key; unknown headers are reported, not guessed. */
export function mapHeaders(
  kind: ImportKindName,
  headers: string[],
  overrides: Record<string, string> = {},
): { mapping: Map<string, string>; unknown: string[] } {
  const byName = new Map<string, string>()
  for (const column of COLUMNS[kind]) {
    for (const name of [column.key, column.zh, ...column.aliases]) byName.set(headerKey(name), column.key)
  }
  const mapping = new Map<string, string>()
  const unknown: string[] = []
  const keys = new Set(COLUMNS[kind].map((c) => c.key))
  for (const header of headers) {
    const chosen = overrides[header]
    const key = chosen && keys.has(chosen) ? chosen : byName.get(headerKey(header))
    if (key && ![...mapping.values()].includes(key)) mapping.set(header, key)
    else if (!key) unknown.push(header)
  }
  return { mapping, unknown }
}

export function normalizeRow(raw: RawRow, mapping: Map<string, string>): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [header, key] of mapping) values[key] = raw[header]
  return values
}

const blankToUndefined = (v: unknown) => {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'string' && v.trim() === '') return undefined
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' ? v.trim() : v
}

const text = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z.string({ error: 'imports.invalidType' }).max(max, { message: 'imports.tooLong' }).optional(),
  )
const requiredText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'imports.required' })
      .min(1, { message: 'imports.required' })
      .max(max, { message: 'imports.tooLong' }),
  )
const list = (maxItems: number, maxLength: number) =>
  z.preprocess(
    (v) => listFromCell(v),
    z.array(z.string().max(maxLength, { message: 'imports.tooLong' })).max(maxItems, { message: 'imports.tooMany' }),
  )
const amount = z.preprocess(
  (v) => {
    const s = blankToUndefined(v)
    return typeof s === 'string' ? s.replace(/[,，\s元]/g, '') : s
  },
  z
    .string()
    .regex(/^\d{1,13}(\.\d{1,2})?$/, { message: 'imports.money' })
    .optional(),
)
const flag = z.preprocess(
  (v) => {
    const s = blankToUndefined(v)
    if (s === undefined) return undefined
    return /^(是|true|yes|y|1|可|可以)$/i.test(String(s))
      ? true
      : /^(否|false|no|n|0|不可)$/i.test(String(s))
        ? false
        : s
  },
  z.boolean({ error: 'imports.flag' }).optional(),
)
const date = z.preprocess(
  (v) => {
    const s = blankToUndefined(v)
    return typeof s === 'string'
      ? s
          .replace(/[年/.]/g, '-')
          .replace(/月/g, '-')
          .replace(/日/g, '')
          .slice(0, 10)
      : s
  },
  z
    .string()
    .regex(/^\d{4}-\d{1,2}-\d{1,2}$/, { message: 'imports.date' })
    .refine((s) => !Number.isNaN(Date.parse(s.replace(/-(\d)(?=-|$)/g, '-0$1'))), { message: 'imports.date' })
    .transform((s) => new Date(`${s.replace(/-(\d)(?=-|$)/g, '-0$1')}T00:00:00Z`))
    .optional(),
)

export const ROW_SCHEMAS = {
  organizations: z.object({
    name: requiredText(200),
    creditCode: text(18),
    kind: text(40),
    region: text(100),
    website: text(300),
    description: text(4000),
  }),
  experts: z.object({
    externalId: text(100),
    name: requiredText(60),
    institution: requiredText(200),
    creditCode: text(18),
    title: text(60),
    directions: list(20, 100),
    keywords: list(30, 60),
    field: list(5, 60),
    bio: text(4000),
    achievements: text(4000),
    email: text(200),
    phone: text(40),
    available: flag,
    status: text(20),
  }),
  results: z.object({
    externalId: text(100),
    title: requiredText(200),
    abstract: requiredText(8000),
    institution: requiredText(200),
    creditCode: text(18),
    field: text(60),
    keywords: list(30, 60),
    maturity: text(60),
    transferModes: list(6, 40),
    ipType: text(40),
    patentNumbers: list(30, 40),
    priceMinYuan: amount,
    priceMaxYuan: amount,
    experts: list(20, 60),
    status: text(20),
  }),
  needs: z.object({
    externalId: text(100),
    title: requiredText(200),
    description: requiredText(8000),
    enterprise: requiredText(200),
    creditCode: text(18),
    region: text(100),
    field: text(60),
    keywords: list(30, 60),
    triedApproaches: text(4000),
    confidentialDetail: text(8000),
    budgetWan: amount,
    deadline: date,
    cooperationModes: list(6, 40),
    maturity: text(60),
    status: text(20),
  }),
  contracts: z.object({
    externalId: text(100),
    registrationNumber: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{16}$/, { message: 'imports.registrationNumber' })
        .optional(),
    ),
    type: requiredText(40),
    projectName: requiredText(300),
    buyer: requiredText(200),
    buyerCreditCode: text(18),
    buyerRegion: text(100),
    seller: requiredText(200),
    sellerCreditCode: text(18),
    sellerRegion: text(100),
    amountYuan: amount.refine((v) => v !== undefined, { message: 'imports.required' }),
    techAmountYuan: amount,
    signedOn: date.refine((v) => v !== undefined, { message: 'imports.required' }),
    registeredOn: date,
    field: text(60),
  }),
} satisfies Record<ImportKindName, z.ZodType>

export type RowOf<K extends ImportKindName> = z.infer<(typeof ROW_SCHEMAS)[K]>

/** Zod issue → our message key: the schema's own key when it set one, else one by issue kind. */
export function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith('imports.')) return issue.message
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'imports.required' : 'imports.invalidType'
  if (issue.code === 'too_big') return 'imports.tooLong'
  return 'imports.invalid'
}
