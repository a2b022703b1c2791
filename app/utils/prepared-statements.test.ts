import { describe, expect, it } from 'vitest'
import { preparedStatementNames } from './prepared-statements.server'

describe('prepared statement names', () => {
  it('names one text the same way every time, and two texts apart', () => {
    const name = preparedStatementNames()
    const a = name({ sql: 'SELECT 1 WHERE $1 = 1', args: [1] })
    expect(a).toMatch(/^p_[\w-]{27}$/)
    expect(name({ sql: 'SELECT 1 WHERE $1 = 1', args: [2] })).toBe(a)
    // Another process (another generator) agrees.
    expect(preparedStatementNames()({ sql: 'SELECT 1 WHERE $1 = 1', args: [3] })).toBe(a)
    expect(name({ sql: 'SELECT 2 WHERE $1 = 1', args: [1] })).not.toBe(a)
  })

  it('keeps what a connection holds bounded', () => {
    const name = preparedStatementNames({ limit: 2, maxParameters: 3 })
    // A long IN list stays unnamed: its text changes with its length.
    expect(name({ sql: 'SELECT 1 WHERE x IN ($1,$2,$3,$4)', args: [1, 2, 3, 4] })).toBe('')
    const first = name({ sql: 'SELECT 1', args: [] })
    const second = name({ sql: 'SELECT 2', args: [] })
    expect([first, second].every(Boolean)).toBe(true)
    expect(name({ sql: 'SELECT 3', args: [] })).toBe('')
    expect(name({ sql: 'SELECT 1', args: [] })).toBe(first)
  })
})
