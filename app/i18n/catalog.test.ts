import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import zh from './zh'
import en from './en'

function leaves(obj: object, prefix = ''): Record<string, string> {
  return Object.entries(obj).reduce<Record<string, string>>((acc, [key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') acc[full] = value
    else Object.assign(acc, leaves(value as object, full))
    return acc
  }, {})
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full)
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : []
  })
}

describe('message catalogs', () => {
  const zhKeys = leaves(zh)
  const enKeys = leaves(en)

  it('have the same keys and no empty message', () => {
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(zhKeys).sort())
    for (const [key, value] of Object.entries({ ...zhKeys, ...enKeys })) expect(value, key).not.toBe('')
  })

  it('contain every error key the validation code can produce', () => {
    const appDir = path.resolve(import.meta.dirname, '..')
    const used = new Set(
      sources(appDir).flatMap((file) =>
        [...fs.readFileSync(file, 'utf8').matchAll(/'((?:errors|imports)\.[a-zA-Z.]+)'/g)].map((m) => m[1]),
      ),
    )
    expect(used.size).toBeGreaterThan(10)
    for (const key of used) expect(zhKeys, key).toHaveProperty([key])
  })
})
