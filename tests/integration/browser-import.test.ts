import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { claimJobs, releaseOwnJobs, releaseStaleJobs } from '~/jobs/queue.server'
import { drain, runOnce } from '~/jobs/worker.server'
import { importJobsHandler } from '~/imports/batches.server'
import { action as uploadAction } from '~/routes/office_.import'
import { action as batchAction, loader as batchLoader } from '~/routes/office_.import_.$id'
import { loader as templateLoader } from '~/routes/office_.import_.template'
import { prisma } from '~/utils/db.server'
import { reloadEnv } from '~/utils/env.server'
import { cookieHeader, createOrganization, createUser, formRequest, getRequest, uploadFile } from '../support/factories'

async function workbook(rows: unknown[][]) {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('成果')
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

const HEADERS = ['外部编号', '成果名称*', '成果简介', '完成单位', '技术领域', '关键词', '成熟度', '转化方式', '专利号']

const upload = (cookie: string, bytes: Uint8Array, name = 'results.xlsx', kind = 'results') =>
  uploadFile(uploadAction, '/office/import', cookie, { bytes, name, kind })

/** Uploads a file; the preview is a background job, which the imports worker then runs. */
async function uploadChecked(cookie: string, bytes: Uint8Array, name = 'results.xlsx') {
  const response = (await upload(cookie, bytes, name)) as Response
  expect(response.status).toBe(302)
  const id = response.headers.get('Location')!.split('/').pop()!
  expect((await prisma.importBatch.findUniqueOrThrow({ where: { id } })).status).toBe('CHECKING')
  await drain(prisma, importJobsHandler())
  return id
}

async function office() {
  const org = await createOrganization('UNIVERSITY', '天津理工大学')
  const user = await createUser(org.id, 'TTO_MEMBER')
  return { org, user, cookie: await cookieHeader(user.id) }
}

const rows = (institution: string) => [
  HEADERS,
  [
    'T-1',
    '高速线扫相机视觉检测平台',
    '线阵相机成像与照明方案。',
    institution,
    '人工智能',
    '线扫相机、在线检测',
    '中试',
    '技术服务',
    '',
  ],
  [
    'T-2',
    'MES 与设备数据采集',
    '多品牌数控设备数据采集网关。',
    institution,
    '大数据',
    '数据采集',
    '产业化',
    '技术许可',
    'ZL201810000000.1',
  ],
]

/** Asks for the commit of a previewed batch (a background job). */
async function commit(id: string, cookie: string) {
  return batchAction({
    request: await formRequest(`/office/import/${id}`, { intent: 'commit' }, cookie),
    params: { id },
    context: {},
  })
}

/** An office with a clean two-row file previewed and its commit asked for, not yet run. */
async function committing() {
  const { org, cookie } = await office()
  const id = await uploadChecked(cookie, await workbook(rows(org.name)))
  await commit(id, cookie)
  return { org, cookie, id }
}

type BatchData = Awaited<ReturnType<typeof batchLoader>>
const openBatch = (id: string, cookie: string) =>
  batchLoader({
    request: getRequest(`/office/import/${id}`, cookie),
    params: { id },
    context: {},
  }) as Promise<BatchData>

describe('browser import', () => {
  // A spool directory of this file's own: other test files upload at the same time.
  let uploads = ''
  beforeAll(async () => {
    uploads = await mkdtemp(path.join(os.tmpdir(), 'browser-import-'))
    vi.stubEnv('UPLOAD_DIR', uploads)
    reloadEnv()
  })
  afterAll(async () => {
    vi.unstubAllEnvs()
    reloadEnv()
    await rm(uploads, { recursive: true, force: true })
  })

  it('previews a file with errors by row and column, refuses to commit it, and writes nothing', async () => {
    const { org, cookie } = await office()
    const bad = rows(org.name)
    bad[2][1] = ''
    bad[2][8] = '专利号123'
    const id = await uploadChecked(cookie, await workbook(bad))
    const data = await openBatch(id, cookie)
    expect(data.batch.status).toBe('PREVIEWED')
    expect(data.report!.errors).toEqual([{ row: 3, column: '成果名称*', key: 'imports.required' }])
    const refused = (await batchAction({
      request: await formRequest(`/office/import/${id}`, { intent: 'commit' }, cookie),
      params: { id },
      context: {},
    })) as {
      init: ResponseInit
    }
    expect(refused.init.status).toBe(409)
    expect(await prisma.researchResult.count()).toBe(0)
    expect(await prisma.job.count({ where: { queue: 'imports', kind: 'commit' } })).toBe(0)
  })

  it('commits a clean file as a background job, with progress, then re-importing updates only', async () => {
    const { org, cookie } = await office()
    const id = await uploadChecked(cookie, await workbook(rows(org.name)))
    expect((await openBatch(id, cookie)).report).toMatchObject({ created: 2, updated: 0, errors: [] })
    await commit(id, cookie)
    expect((await openBatch(id, cookie)).batch.status).toBe('RUNNING')
    expect(await drain(prisma, importJobsHandler())).toBe(1)
    const done = await openBatch(id, cookie)
    expect(done.batch).toMatchObject({ status: 'COMMITTED', progress: 2 })
    const results = await prisma.researchResult.findMany({
      where: { organizationId: org.id },
      orderBy: { externalId: 'asc' },
    })
    expect(results.map((r) => [r.externalId, r.status, r.stage])).toEqual([
      ['T-1', 'PUBLISHED', 'PILOT'],
      ['T-2', 'PUBLISHED', 'INDUSTRIAL'],
    ])
    expect(await prisma.job.count({ where: { queue: 'search', status: 'PENDING' } })).toBe(2)
    expect((await prisma.importBatch.findUniqueOrThrow({ where: { id } })).file).toBeNull()

    const againId = await uploadChecked(cookie, await workbook(rows(org.name)))
    expect((await openBatch(againId, cookie)).report).toMatchObject({ created: 0, updated: 2 })
  })

  it('lets the office map headers it wrote differently', async () => {
    const { org, cookie } = await office()
    const table = rows(org.name)
    table[0] = ['外部编号', '成果题目', '成果简介', '完成单位', '技术领域', '关键词', '成熟度', '转化方式', '专利号']
    const id = await uploadChecked(cookie, await workbook(table))
    const before = await openBatch(id, cookie)
    expect(before.report!.unknownHeaders).toEqual(['成果题目'])
    expect(before.report!.errors[0]).toMatchObject({ row: 1, key: 'imports.missingColumn' })
    await batchAction({
      request: await formRequest(`/office/import/${id}`, { intent: 'remap', 'map:成果题目': 'title' }, cookie),
      params: { id },
      context: {},
    })
    expect((await openBatch(id, cookie)).batch.status).toBe('CHECKING')
    await drain(prisma, importJobsHandler())
    const after = await openBatch(id, cookie)
    expect(after.report!.errors).toEqual([])
    expect(after.report!.created).toBe(2)
  })

  it('keeps an office to its own rows and its own uploads', async () => {
    const { cookie } = await office()
    const id = await uploadChecked(cookie, await workbook(rows('南开大学')))
    const data = await openBatch(id, cookie)
    expect(data.report!.errors.map((e) => e.key)).toEqual([
      'imports.notYourOrganization',
      'imports.notYourOrganization',
    ])
    const other = await createUser((await createOrganization('UNIVERSITY', '别的大学')).id, 'TTO_ADMIN')
    const hidden = await openBatch(id, await cookieHeader(other.id)).catch((e: Response) => e)
    expect((hidden as Response).status).toBe(404)
  })

  it('names unreadable and missing files', async () => {
    const { cookie } = await office()
    const broken = await uploadChecked(cookie, new Uint8Array([1, 2, 3]), 'results.xlsx')
    const data = await openBatch(broken, cookie)
    expect(data.batch.status).toBe('PREVIEWED')
    expect(data.report!.errors).toEqual([{ row: 1, column: '', key: 'imports.file.unreadable', params: {} }])
    const wrongType = (await upload(cookie, new Uint8Array([1]), 'results.pdf')) as {
      data: { error: string; params: Record<string, string> }
    }
    expect(wrongType.data).toEqual({ error: 'imports.file.type', params: { name: 'results.pdf' } })
  })

  it('streams an upload to disk, refuses one over 30 MB with 413, and leaves no temporary file', async () => {
    const { cookie } = await office()
    const directory = uploads
    const big = new Uint8Array(30 * 1024 * 1024 + 1)
    const refused = (await upload(cookie, big, 'results.csv')) as { init: ResponseInit; data: { error: string } }
    expect(refused.init.status).toBe(413)
    expect(refused.data.error).toBe('errors.import.tooLarge')
    expect(await prisma.importBatch.count()).toBe(0)
    await uploadChecked(cookie, new TextEncoder().encode('成果名称\n一项成果'), 'results.csv')
    expect(await readdir(directory)).toEqual([])
  })

  it('offers XLSX templates with Chinese headers', async () => {
    const { cookie } = await office()
    const response = (await templateLoader({
      request: getRequest('/office/import/template?kind=results', cookie),
      params: {},
      context: {},
    })) as Response
    expect(response.headers.get('Content-Type')).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await response.arrayBuffer())
    expect(book.worksheets[0].getRow(1).getCell(2).value).toBe('成果名称*')
  })

  it('a commit whose worker died is noticed within a minute, shown as interrupted, and committed once by another', async () => {
    const { org, cookie, id } = await committing()
    // A worker claims the commit and dies: its lease is not renewed.
    const [claimed] = await claimJobs(prisma, 'imports', 1)
    expect(claimed).toBeTruthy()
    await prisma.job.update({ where: { id: claimed.id }, data: { lockedAt: new Date(Date.now() - 61_000) } })
    expect((await openBatch(id, cookie)).batch).toMatchObject({ status: 'RUNNING', interrupted: false })
    expect(await releaseStaleJobs(prisma, 'imports', 60_000)).toBe(1)
    expect((await openBatch(id, cookie)).batch).toMatchObject({ status: 'RUNNING', interrupted: true })
    // Another worker takes it up: committed once, nothing twice.
    await drain(prisma, importJobsHandler())
    expect((await openBatch(id, cookie)).batch).toMatchObject({ status: 'COMMITTED', interrupted: false })
    expect(await prisma.researchResult.count({ where: { organizationId: org.id } })).toBe(2)
  })

  it('a server stopping mid-commit hands the job back at once, marked interrupted, and only its own', async () => {
    const { org, cookie, id } = await committing()
    const [mine] = await claimJobs(prisma, 'imports', 1)
    // Another server's running job is none of this one's business.
    const theirs = await prisma.job.create({
      data: { queue: 'imports', kind: 'x', payload: {}, status: 'RUNNING', lockedAt: new Date(), lockedBy: 'other' },
    })
    expect(await releaseOwnJobs(prisma)).toBe(1)
    expect(await prisma.job.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({
      status: 'PENDING',
      lockedBy: null,
    })
    expect((await prisma.job.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe('RUNNING')
    await prisma.job.delete({ where: { id: theirs.id } })
    expect((await openBatch(id, cookie)).batch).toMatchObject({ status: 'RUNNING', interrupted: true })
    await drain(prisma, importJobsHandler())
    expect((await openBatch(id, cookie)).batch).toMatchObject({ status: 'COMMITTED', interrupted: false })
    expect(await prisma.researchResult.count({ where: { organizationId: org.id } })).toBe(2)
  })

  it('renews the lease of a batch while it runs, so a long job is not taken for dead', async () => {
    await prisma.job.create({ data: { queue: 'slow', kind: 'x', payload: {} } })
    let renewed = false
    await runOnce(prisma, {
      queue: 'slow',
      batchSize: 1,
      leaseRenewMs: 50,
      async handle() {
        const before = (await prisma.job.findFirstOrThrow({ where: { queue: 'slow' } })).lockedAt!
        await new Promise((resolve) => setTimeout(resolve, 300))
        const after = (await prisma.job.findFirstOrThrow({ where: { queue: 'slow' } })).lockedAt!
        renewed = after.getTime() > before.getTime()
      },
    })
    expect(renewed).toBe(true)
  })
})
