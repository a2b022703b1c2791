import { RESULT_CATALOGUE, type CatalogueEntry } from './catalogue'
import { GIVEN, METHODS, SURNAMES, TOPICS } from './vocabulary'

/** The demo's deterministic random draws and the names, contacts and shelves built from them. */
export function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const random = rng(20210628)
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
export const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
export const pad = (n: number, width = 4) => String(n).padStart(width, '0')
export const unique = <T>(items: T[]) => [...new Set(items)]

export function topicsFor(field: string) {
  return TOPICS[field] ?? TOPICS[field.split('.')[0]] ?? TOPICS.ADV
}

export function personName() {
  return pick(SURNAMES.split('')) + pick(GIVEN.split('')) + (random() < 0.6 ? pick(GIVEN.split('')) : '')
}

/**
 * A contact person for a demo organization, derived from its position (the seed's random sequence
 * is left as it was): a name, a landline with the region's area code, an e-mail.
 */
export function demoContact(regionCode: string, i: number) {
  const surnames = SURNAMES.split('')
  const given = GIVEN.split('')
  const area = regionCode.startsWith('11') ? '010' : regionCode.startsWith('13') ? '0312' : '022'
  return {
    contactName:
      surnames[(i * 7) % surnames.length] + given[(i * 11) % given.length] + given[(i * 5 + 3) % given.length],
    contactPhone: `${area}-${String(60000000 + ((i * 7919) % 30000000)).slice(0, 8)}`,
    contactEmail: `contact${String(i + 1).padStart(3, '0')}@baodi-demo.cn`,
  }
}

export function fill(pattern: string, topic: string) {
  return pattern.replace('{t}', topic).replace('{m}', pick(METHODS))
}

export function patentNumber(year: number) {
  const serial = int(1000000, 9999999)
  const digits = `${year}1${String(serial).slice(0, 7)}`
  // CN application-number check digit: weighted sum mod 11, 10 → X.
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
  const sum = digits.split('').reduce((acc, d, i) => acc + Number(d) * weights[i], 0)
  const check = sum % 11 === 10 ? 'X' : String(sum % 11)
  return `ZL${digits}.${check}`
}

/**
 * Which catalogue entries each institution lists: `total` results shared in proportion to how
 * many entries its fields have; each institution takes, in turn, the entry of its fields that
 * the fewest institutions list so far, never one twice itself (a real result is one
 * institution's; the demo has more results than the catalogue, so some appear at a few).
 */
export function institutionShelves<T extends { fields: string[] }>(institutions: T[], total: number) {
  const pools = institutions.map((inst, k) => {
    const pool = RESULT_CATALOGUE.filter((e) => inst.fields.includes(e.field))
    return [...pool.slice((k * 7) % Math.max(1, pool.length)), ...pool.slice(0, (k * 7) % Math.max(1, pool.length))]
  })
  const capacity = pools.reduce((s, p) => s + p.length, 0)
  if (capacity < total) throw new Error(`the catalogue holds ${capacity} results, the demo wants ${total}`)
  const shares = pools.map((p) => Math.floor((p.length * total) / capacity))
  for (let k = 0; shares.reduce((s, n) => s + n, 0) < total; k = (k + 1) % pools.length) {
    if (shares[k] < pools[k].length) shares[k]++
  }
  const uses = new Map<CatalogueEntry, number>()
  const taken = institutions.map(() => new Set<CatalogueEntry>())
  // Interleaved by institution, as the old generator did, so IDs do not cluster by owner.
  const shelves: Array<{ inst: T; entry: CatalogueEntry }> = []
  for (let round = 0; shelves.length < total; round++) {
    institutions.forEach((inst, k) => {
      if (round >= shares[k]) return
      let entry: CatalogueEntry | undefined
      for (const e of pools[k]) {
        if (!taken[k].has(e) && (!entry || (uses.get(e) ?? 0) < (uses.get(entry) ?? 0))) entry = e
      }
      if (!entry) return
      taken[k].add(entry)
      uses.set(entry, (uses.get(entry) ?? 0) + 1)
      shelves.push({ inst, entry })
    })
  }
  return shelves
}
