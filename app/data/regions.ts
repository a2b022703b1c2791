/**
 * GB/T 2260 administrative-division codes. Provinces in full; prefectures and districts for
 * Beijing, Tianjin and Hebei, where the platform's counterparts are.
 */
export const BAODI_REGION_CODE = '120115'

export const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
}

export const JJJ_DISTRICTS: Record<string, string> = {
  '110101': '北京市东城区',
  '110102': '北京市西城区',
  '110105': '北京市朝阳区',
  '110106': '北京市丰台区',
  '110107': '北京市石景山区',
  '110108': '北京市海淀区',
  '110112': '北京市通州区',
  '110114': '北京市昌平区',
  '110115': '北京市大兴区',
  '120101': '天津市和平区',
  '120102': '天津市河东区',
  '120104': '天津市南开区',
  '120110': '天津市东丽区',
  '120111': '天津市西青区',
  '120112': '天津市津南区',
  '120113': '天津市北辰区',
  '120114': '天津市武清区',
  '120115': '天津市宝坻区',
  '120116': '天津市滨海新区',
  '120117': '天津市宁河区',
  '120118': '天津市静海区',
  '120119': '天津市蓟州区',
  '130102': '河北省石家庄市长安区',
  '130104': '河北省石家庄市桥西区',
  '130108': '河北省石家庄市裕华区',
  '130203': '河北省唐山市路北区',
  '130209': '河北省唐山市曹妃甸区',
  '130302': '河北省秦皇岛市海港区',
  '130602': '河北省保定市竞秀区',
  '130606': '河北省保定市莲池区',
  '131002': '河北省廊坊市安次区',
  '131003': '河北省廊坊市广阳区',
}

export type RegionGroup = 'BAODI' | 'BEIJING' | 'TIANJIN' | 'HEBEI' | 'OTHER'

/** Counterpart region as the action plan asks: Beijing, Tianjin outside Baodi, Hebei, other. */
export function regionGroup(code: string): RegionGroup {
  if (code === BAODI_REGION_CODE) return 'BAODI'
  if (code.startsWith('11')) return 'BEIJING'
  if (code.startsWith('12')) return 'TIANJIN'
  if (code.startsWith('13')) return 'HEBEI'
  return 'OTHER'
}

export function regionName(code: string): string {
  return JJJ_DISTRICTS[code] ?? PROVINCES[code.slice(0, 2)] ?? code
}

const shortName = (name: string) =>
  name.replace(/^(北京市|天津市|河北省)/, '').replace(/(市辖区|自治区|特别行政区|省|市|区|县)$/, '')

/**
 * A region code from free text such as "北京市海淀区", "天津宝坻" or "河北": a GB/T 2260 code when
 * one is given, else the most specific Beijing/Tianjin/Hebei district named, else the province.
 * Null when nothing is recognised.
 */
export function regionCodeFromText(text: string | null | undefined): string | null {
  const value = (text ?? '').trim()
  if (!value) return null
  if (/^[0-9]{6}$/.test(value)) return value.slice(0, 2) in PROVINCES ? value : null
  if (value.includes('宝坻')) return BAODI_REGION_CODE
  let best: { code: string; length: number } | null = null
  for (const [code, name] of Object.entries(JJJ_DISTRICTS)) {
    for (const candidate of [name, shortName(name)]) {
      if (candidate.length >= 2 && value.includes(candidate) && (!best || candidate.length > best.length)) {
        best = { code, length: candidate.length }
      }
    }
  }
  if (best) return best.code
  for (const [prefix, name] of Object.entries(PROVINCES)) {
    const short = name.replace(/(省|市|自治区|特别行政区|壮族|回族|维吾尔)+$/g, '')
    if (value.includes(short)) return `${prefix}0000`
  }
  return null
}
