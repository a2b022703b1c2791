import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { EXPERTS, NEEDS, RESULTS } from '../support/market'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

/** Runs `npm run cli -- …` as a user would, against the test database. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'app/cli/index.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

async function file(name: string, rows: unknown) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
  const target = path.join(dir, name)
  await writeFile(target, typeof rows === 'string' ? rows : JSON.stringify(rows))
  return target
}

describe('npm run cli', () => {
  it('imports JSON files, then matches a need by its externalId as ranked JSON', async () => {
    const dry = await cli('import', await file('experts.json', EXPERTS), '--kind', 'experts', '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('预检通过：3 行，将新增 3 条')
    expect(await prisma.expert.count()).toBe(0)

    for (const [kind, rows] of [
      ['experts', EXPERTS],
      ['results', RESULTS],
      ['needs', NEEDS],
    ] as const) {
      const done = await cli('import', await file(`${kind}.json`, rows), '--kind', kind)
      expect(done.code, done.stderr).toBe(0)
    }
    const again = await cli('import', await file('results.json', RESULTS), '--kind', 'results')
    expect(again.stdout).toContain('新增 0 条，更新 3 条')
    // The institutions the import created are public once a reviewer approves them.
    await prisma.organization.updateMany({ where: { verification: 'PENDING' }, data: { verification: 'APPROVED' } })

    const matched = await cli(
      'match',
      '--need',
      'N-WELD',
      '--kind',
      'results',
      '--limit',
      '5',
      '--min-confidence',
      '1',
      '--json',
    )
    expect(matched.code, matched.stderr).toBe(0)
    const ranked = JSON.parse(matched.stdout) as Array<Record<string, unknown>>
    expect(ranked.length).toBeGreaterThan(0)
    expect(Object.keys(ranked[0])).toEqual(
      expect.arrayContaining(['id', 'externalId', 'score', 'confidence', 'reasons']),
    )
    expect(
      ranked
        .slice(0, 2)
        .map((r) => r.externalId)
        .sort(),
    ).toEqual(['R-NDT', 'R-WELD'])
    expect((ranked[0].reasons as string[])[0]).toMatch(/^匹配关键词/)

    const groups = JSON.parse(
      (await cli('match', '--need', 'N-WELD', '--kind', 'groups', '--min-confidence', '1', '--json')).stdout,
    )
    expect(groups[0].members.length).toBeGreaterThanOrEqual(2)
  }, 120_000)

  it('rejects a bad CSV with row-numbered messages in Chinese and writes nothing', async () => {
    const csv = '外部编号,姓名,所属单位,研究方向\nA1,张伟,天津大学,焊接\nA2,,天津大学,检测\n'
    const result = await cli('import', await file('experts.csv', csv), '--kind', 'experts')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('错误 第 3 行「姓名」：必填项为空')
    expect(result.stderr).toContain('未写入任何数据')
    expect(await prisma.expert.count()).toBe(0)
  }, 60_000)

  it('explains wrong usage', async () => {
    const result = await cli('import', 'x.json', '--kind', 'robots')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--kind must be one of organizations, experts, results, needs, contracts')
    expect((await cli('match', '--need', 'nope', '--kind', 'experts')).stderr).toContain(
      'no need with id or externalId nope',
    )
  }, 60_000)
})
