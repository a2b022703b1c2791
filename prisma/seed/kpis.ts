/**
 * The action plan's task table (附件 任务分工表), transcribed from
 * shared/seeds/baodi-innovation-action-plan-2020-2022.txt. The source text ends at item 24,
 * whose responsible departments are cut off, so that row has none.
 */
type Metric = 'CONTRACT_AMOUNT' | 'HIGH_TECH_ENTERPRISES' | 'RD_INTENSITY'

export interface KpiSeed {
  seq: number
  section: string
  heading: string | null
  description: string
  departments: string[]
  metric?: Metric
  targetValue?: string
  unit?: string
}

const GOALS = '一、总体要求（二）工作目标'
const T1 = '二、重点任务（一）着力提升自主创新能力，扛起科技自立自强重任'
const T2 = '二、重点任务（二）着力提升科技型企业创新能级，发挥企业技术创新主体作用'
const T3 = '二、重点任务（三）着力引育高水平科技创新人才和团队，更好发挥人才第一资源作用'

export const KPIS: KpiSeed[] = [
  {
    seq: 1,
    section: GOALS,
    heading: '科技创新能力显著提升',
    description: '全社会研发投入强度力争达到2%以上',
    departments: ['区科技局', '区工业和信息化局'],
    metric: 'RD_INTENSITY',
    targetValue: '2',
    unit: '%',
  },
  {
    seq: 2,
    section: GOALS,
    heading: null,
    description: '发挥知识产权在创新驱动发展中的基本保障作用，促进企业创新发展',
    departments: ['区市场监管局'],
  },
  {
    seq: 3,
    section: GOALS,
    heading: null,
    description: '技术合同成交额达到18亿元',
    departments: ['区科技局', '各镇街', '经济开发区管委会'],
    metric: 'CONTRACT_AMOUNT',
    targetValue: '18',
    unit: '亿元',
  },
  {
    seq: 4,
    section: GOALS,
    heading: '新动能群体规模显著提升',
    description:
      '到2022年，全区国家高新技术企业达到239家以上。科技型中小企业达到200家、雏鹰企业80家、瞪羚企业16家、科技领军（培育）企业累计16家。',
    departments: ['区科技局', '各镇街', '经济开发区管委会'],
    metric: 'HIGH_TECH_ENTERPRISES',
    targetValue: '239',
    unit: '家',
  },
  {
    seq: 5,
    section: GOALS,
    heading: '科技赋能引领产业高质量发展',
    description: '工业战略新兴产业增加值占规模以上工业增加值比重达到30%以上',
    departments: ['区工业和信息化局'],
  },
  {
    seq: 6,
    section: GOALS,
    heading: null,
    description: '高技术制造业增加值占规模以上工业增加值比重逐年递增',
    departments: ['区发展改革委'],
  },
  {
    seq: 7,
    section: GOALS,
    heading: null,
    description: '宝坻国家级农业科技园建设取得显著成效，成为引领现代农业高质量发展的重要支点。',
    departments: ['区科技局', '区农业农村委', '八门城镇', '大白镇'],
  },
  {
    seq: 8,
    section: T1,
    heading: '加强“卡脖子”关键核心技术攻关',
    description:
      '重点支持数据采集存储、分析挖掘、安全保护等新一代信息技术；智能机器人、高性能智能传感器等高端装备制造技术；先进电子材料、高端难熔金属材料等新材料制备技术。鼓励企业加大研发投入，攻克一批对外高度依赖的关键核心技术，形成拥有科技前沿的优势技术企业。',
    departments: ['区科技局', '区工业和信息化局', '区委网信办'],
  },
  {
    seq: 9,
    section: T1,
    heading: '推动重点产业发展',
    description:
      '大力发展新能源新材料产业，支持新一代动力电池特色产业基地建设，加快关键核心技术研发、产业化，力争打造产业链条完整的锂电子动力电池产业集聚区',
    departments: ['区科技局', '经济开发区管委会'],
  },
  {
    seq: 10,
    section: T1,
    heading: null,
    description: '大力发展生物医药产业，依托京津中关村医疗器械产业园，加强医疗器械等领域的技术攻关',
    departments: ['区科技局', '区卫生健康委', '中关村科技城管委会'],
  },
  {
    seq: 11,
    section: T1,
    heading: null,
    description:
      '大力发展高端装备制造产业，支持企业运用新技术、新模式实施数字化、网络化、智能化升级，促进制造业向“传统制造”向“先进制造”转型',
    departments: ['区工业和信息化局', '区科技局'],
  },
  {
    seq: 12,
    section: T1,
    heading: '优化技术创新平台建设',
    description: '高标准建设国家火炬特色产业基地，做大做强新能源新材料、高端装备制造等战略性新兴产业；',
    departments: ['区科技局', '区工业和信息化局', '经济开发区管委会'],
  },
  {
    seq: 13,
    section: T1,
    heading: null,
    description: '创建国家农业科技园区，提升现代都市型农业发展水平',
    departments: ['区科技局', '区农业农村委'],
  },
  {
    seq: 14,
    section: T1,
    heading: null,
    description:
      '发挥北京计量院、天津计量院作用，并统筹各类基础创新平台，培育更多国家、市级重点实验室、工程研究中心、企业技术中心等研发机构',
    departments: ['区发展改革委', '区工业和信息化局', '区科技局', '中关村科技城管委会'],
  },
  {
    seq: 15,
    section: T1,
    heading: '推动科技创新集聚区建设',
    description:
      '以中关村科技城为核心，加快建设5G智能网联创新分园，打造车联网应用示范场景，推进智能驾驶应用示范，推进智能网联产业创新共享平台建设，带动智能网联汽车相关产业聚集发展',
    departments: ['中关村科技城管委会', '区科技局', '区工业和信息化局'],
  },
  {
    seq: 16,
    section: T1,
    heading: null,
    description:
      '围绕北科院高精尖产业技术研究院天津分院、新松智能科技机器人核心部件研发生产基地及安泰天龙总部，打造智能制造和新材料产业创新型集群',
    departments: ['中关村科技城管委会', '区科技局', '区工业和信息化局'],
  },
  {
    seq: 17,
    section: T1,
    heading: '推动科技赋能传统制造业和民生建设',
    description:
      '加强人工智能、物联网、大数据等技术对装备制造、汽车工业、农业等优势产业转型升级支撑，建设一批数字化车间、智能化工厂。加强科技对民生健康、生态环境等领域的支撑',
    departments: ['区工业和信息化局', '区发展改革委', '区科技局', '区卫生健康委', '区生态环境局'],
  },
  {
    seq: 18,
    section: T2,
    heading: '大力培育国家高新技术企业',
    description: '推动高新技术企业培育库与企业登记信息、知识产权信息等信息联动，构建遴选、入库、培育、认定工作机制',
    departments: ['区科技局', '区市场监管局', '区工业和信息化局'],
  },
  {
    seq: 19,
    section: T2,
    heading: null,
    description:
      '对首次认定、整体迁入、再认定、入库培育企业等给予财政奖励并落实高企相关税收优惠政策。从京冀整体迁入的国家高新技术企业按照首次认定给予支持，省（市）级高新技术企业直接入库培育',
    departments: ['区科技局', '区财政局', '区税务局'],
  },
  {
    seq: 20,
    section: T2,
    heading: '大力推动高成长企业梯度培育',
    description: '分类精准施策，鼓励金融机构对科技型企业提供融资担保，在贷款补贴、评价奖励等方面给予支持',
    departments: ['区科技局', '区财政局', '区金融局'],
  },
  {
    seq: 21,
    section: T2,
    heading: null,
    description: '支持企业上市融资，加强科技型企业上市辅导，将高成长性科企纳入区培育上市企业资源库并强化动态管理。',
    departments: ['区金融局', '区科技局'],
  },
  {
    seq: 22,
    section: T2,
    heading: '大力营造创新创业浓厚氛围',
    description:
      '加强市区联动，高水平打造众创空间、孵化器、小型微型企业创业创新示范基地等孵化载体，推动具备条件企业入围天津市科服网创新券服务机构',
    departments: ['区发改委', '区科技局', '区工业和信息化局'],
  },
  {
    seq: 23,
    section: T2,
    heading: null,
    description: '继续办好创新创业大赛，进一步提升创新创业“热度”和“浓度”',
    departments: ['区科技局'],
  },
  {
    seq: 24,
    section: T3,
    heading: '加快科技创新人才聚集和培养',
    description: '加快科技创新人才聚集和培养',
    departments: [],
  },
]

/** The plan's quantified 2022 goals (一（二）), as district targets. */
export const PLAN_TARGETS_2022: Array<{ metric: string; value: string }> = [
  { metric: 'CONTRACT_AMOUNT', value: '180000000000' }, // 18亿元 in fen
  { metric: 'HIGH_TECH_ENTERPRISES', value: '239' },
  { metric: 'TECH_SMES', value: '200' },
  { metric: 'EAGLET_ENTERPRISES', value: '80' },
  { metric: 'GAZELLE_ENTERPRISES', value: '16' },
  { metric: 'LEADER_ENTERPRISES', value: '16' },
  { metric: 'RD_INTENSITY', value: '2' },
]
