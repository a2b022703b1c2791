import { afterEach, describe, expect, it } from 'vitest'
import { commitImport, getImportBatch, importJobsHandler, previewImport } from '~/imports/batches.server'
import { importTable } from '~/imports/importer.server'
import { readTable } from '~/imports/read.server'
import { drain } from '~/jobs/worker.server'
import { loader as exportLoader } from '~/routes/office_.export'
import { prisma } from '~/utils/db.server'
import { IP_TYPES } from '~/validation/results'
import { webhookJobsHandler } from '~/webhooks/deliveries.server'
import { createEndpoint } from '~/webhooks/endpoints.server'
import { cookieHeader, createOrganization, createUser, getRequest } from '../support/factories'
import { closeReceivers, receiver } from '../support/webhook-receiver'

afterEach(closeReceivers)

/** An office's catalogue with what a round trip can lose: every IP type, stage-only and stage+TRL, drafts, several fields. */
async function catalogue() {
  const org = await createOrganization('UNIVERSITY', '河北工业大学')
  const user = await createUser(org.id, 'TTO_ADMIN')
  const [lead, member] = await Promise.all(
    ['王教授', '李研究员'].map((name, i) =>
      prisma.expert.create({
        data: {
          organizationId: org.id,
          externalId: i === 0 ? 'E-1' : null,
          name,
          title: i === 0 ? '教授' : null,
          directions: ['焊接机器人', '视觉伺服'],
          keywords: ['焊缝跟踪'],
          fieldCodes: i === 0 ? ['ADV.ROBOT', 'EI.AI'] : [],
          bio: i === 0 ? '长期从事焊接自动化研究，主持国家重点研发计划课题。' : null,
          email: i === 0 ? 'wang@hebut.edu.cn' : null,
          available: i === 0,
          status: i === 0 ? 'PUBLISHED' : 'DRAFT',
        },
      }),
    ),
  )
  const ipTypes = IP_TYPES
  const maturities = [
    { stage: 'PILOT', trl: null },
    { stage: 'SMALL_PILOT', trl: 6 },
    { stage: null, trl: null },
    { stage: 'INDUSTRIAL', trl: 9 },
  ] as const
  for (const [i, ipType] of ipTypes.entries()) {
    const result = await prisma.researchResult.create({
      data: {
        organizationId: org.id,
        externalId: i % 3 === 0 ? null : `R-${i}`,
        // A title a spreadsheet would read as a formula, kept as text both ways.
        title: i === 0 ? '-40℃低温锂电池电解液' : `焊缝视觉跟踪技术 ${i}`,
        abstract: '结构光传感与深度学习结合，实时识别坡口并修正焊枪轨迹。\n第二段说明。',
        fieldCode: i % 2 ? 'ADV.ROBOT' : null,
        keywords: i % 2 ? ['焊缝跟踪', '结构光'] : [],
        ...maturities[i % maturities.length],
        ipType,
        patentNumbers: ipType === 'INVENTION_PATENT' ? ['ZL201810000000.1', 'ZL201910000000.X'] : [],
        transferModes: i % 2 ? ['TRANSFER', 'LICENSE'] : ['DEVELOPMENT', 'SERVICE', 'EQUITY', 'CONSULTING'],
        priceMinFen: i % 2 ? 12_345_67n : null,
        priceMaxFen: i % 2 ? 99_000_00n : null,
        status: i === 5 ? 'DRAFT' : 'PUBLISHED',
        publishedAt: i === 5 ? null : new Date(),
        team: {
          create:
            i % 2
              ? [
                  { expertId: member.id, isLead: false },
                  { expertId: lead.id, isLead: true },
                ]
              : [],
        },
      },
    })
    if (i === 9) await prisma.researchResult.update({ where: { id: result.id }, data: { status: 'ARCHIVED' } })
  }
  return { org, user, cookie: await cookieHeader(user.id) }
}

/** What a catalogue says, without the bookkeeping an import touches (activity, timestamps). */
async function snapshot(organizationId: string) {
  const results = await prisma.researchResult.findMany({
    where: { organizationId },
    orderBy: { id: 'asc' },
    include: { team: { orderBy: { expertId: 'asc' }, select: { expertId: true, isLead: true } } },
  })
  const experts = await prisma.expert.findMany({ where: { organizationId }, orderBy: { id: 'asc' } })
  return {
    results: results.map(({ lastActivityAt: _a, staleRemindedAt: _s, updatedAt: _u, ...r }) => r),
    experts: experts.map(({ lastActivityAt: _a, updatedAt: _u, ...e }) => e),
  }
}

async function download(cookie: string, kind: string, format: string) {
  const response = (await exportLoader({
    request: getRequest(`/office/export?kind=${kind}&format=${format}`, cookie),
    params: {},
    context: {},
  })) as Response
  expect(response.status).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

/** Imports a file as the office does: preview (a job), then commit (a job). */
async function reimport(
  actor: { userId: string; organizationId: string },
  kind: 'results' | 'experts',
  name: string,
  bytes: Uint8Array,
) {
  const preview = await previewImport(actor, kind, name, bytes as Uint8Array<ArrayBuffer>)
  if (!preview.ok) throw new Error(preview.error)
  await drain(prisma, importJobsHandler())
  const batch = await getImportBatch(preview.batchId, actor.organizationId)
  expect(batch?.report).toMatchObject({ errors: [], warnings: [] })
  expect(await commitImport(actor, preview.batchId)).toBe(true)
  await drain(prisma, importJobsHandler())
  return (await getImportBatch(preview.batchId, actor.organizationId))!
}

describe('catalogue export in the import format', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`round-trips results and experts through ${format}: importing the export changes nothing`, async () => {
      const { org, user, cookie } = await catalogue()
      const before = await snapshot(org.id)
      const actor = { userId: user.id, organizationId: org.id }
      const hook = await receiver()
      await createEndpoint(actor, { url: hook.url, events: ['import.committed'] })
      // Experts first: results name their team by the experts' names.
      const experts = await reimport(actor, 'experts', `experts.${format}`, await download(cookie, 'experts', format))
      expect(experts.report).toMatchObject({ created: 0, updated: 2 })
      const results = await reimport(actor, 'results', `results.${format}`, await download(cookie, 'results', format))
      // The archived result is not part of the catalogue; the nine others are updated in place.
      expect(results.report).toMatchObject({ created: 0, updated: 9 })
      expect(await snapshot(org.id)).toEqual(before)
      // The institution's system hears of each file once, and fetches the changes by `updatedSince`.
      await drain(prisma, webhookJobsHandler())
      expect(hook.received.map((r) => JSON.parse(r.body).data)).toEqual([
        expect.objectContaining({ kind: 'experts', created: 0, updated: 2 }),
        expect.objectContaining({ kind: 'results', created: 0, updated: 9 }),
      ])
      // The rows carry the institution's credit code, so the operator's command line (which links
      // by credit code only) reads the same file as updates of this institution's results.
      const table = await readTable(await download(cookie, 'results', format), `results.${format}`)
      const operator = await importTable(prisma, 'results', table, { fileName: `results.${format}`, dryRun: true })
      expect(operator).toMatchObject({ errors: [], warnings: [], created: 0, updated: 9 })
    })
  }

  it('lets only the office download its own catalogue, and refuses an unknown kind', async () => {
    const { cookie } = await catalogue()
    const other = await createOrganization('ENTERPRISE', '宝坻企业')
    const enterprise = await cookieHeader((await createUser(other.id, 'ENTERPRISE_ADMIN')).id)
    const refused = await exportLoader({
      request: getRequest('/office/export?kind=results', enterprise),
      params: {},
      context: {},
    }).catch((thrown: Response) => thrown)
    expect([302, 403, 404]).toContain((refused as Response).status)
    const bad = (await exportLoader({
      request: getRequest('/office/export?kind=needs', cookie),
      params: {},
      context: {},
    })) as Response
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/导出类型/)
  })
})
