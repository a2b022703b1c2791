import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine, visibilityFilter } from '#search'
import { drain } from '~/jobs/worker.server'
import { registerOrganization } from '~/models/accounts.server'
import { getPublicExpert } from '~/models/profiles.server'
import { changeResultStatus, saveResult } from '~/models/results.server'
import { decideVerification } from '~/models/verification.server'
import { action as reviewAction, loader as reviewLoader } from '~/routes/admin_.organizations'
import { loader as documentLoader } from '~/routes/organizations.$id.documents.$documentId'
import { action as uploadAction } from '~/routes/settings.organization'
import { ensureIndexes, searchQueueHandler } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { RegistrationSchema } from '~/validation/accounts'
import { ResultFormSchema } from '~/validation/results'
import {
  cookieHeader,
  createOrganization,
  csrfFor,
  createUser,
  getRequest,
  postForm,
  validCreditCode,
} from '../support/factories'

async function call<T>(
  fn: (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<T>,
  request: Request,
  params = {},
) {
  try {
    return await fn({ request, params, context: {} })
  } catch (thrown) {
    return thrown as Response
  }
}

const resultInput = (fieldCode: string, intent: 'draft' | 'publish') =>
  ResultFormSchema.parse({
    title: '焊缝相控阵超声检测系统',
    abstract: '相控阵超声成像识别焊缝内部缺陷，适用于压力容器与管道焊接质量检验。',
    fieldCode,
    keywords: '焊缝检测',
    ipType: 'INVENTION_PATENT',
    patentNumbers: '',
    transferModes: ['LICENSE'],
    intent,
  })

async function office(verification: 'PENDING' | 'APPROVED' = 'PENDING') {
  const org = await createOrganization('UNIVERSITY', '北京未来科技大学', verification)
  const admin = await createUser(org.id, 'TTO_ADMIN')
  const field = await prisma.techField.findFirstOrThrow({ select: { code: true } })
  return { org, admin, actor: { userId: admin.id, organizationId: org.id }, fieldCode: field.code }
}

async function reviewer() {
  const bureau = await createOrganization('BUREAU', '宝坻区科技局')
  const staff = await createUser(bureau.id, 'BUREAU_STAFF')
  return { bureau, staff, cookie: await cookieHeader(staff.id), who: { userId: staff.id, organizationId: bureau.id } }
}

async function publicIds(engine: EmbeddedSearchEngine) {
  await drain(prisma, searchQueueHandler(prisma, engine))
  const found = await engine.search('results', { q: '焊缝', filter: visibilityFilter({ kind: 'anonymous' }) })
  return found.hits.map((h) => h.document.id)
}

describe('organization verification', () => {
  it('registers an organization as awaiting review and tells the reviewers', async () => {
    const { staff } = await reviewer()
    const outcome = await registerOrganization(
      RegistrationSchema.parse({
        kind: 'UNIVERSITY',
        organizationName: '北京未来科技大学',
        creditCode: validCreditCode('110108'),
        regionCode: '110108',
        name: '王老师',
        email: 'tto@future.edu.cn',
        password: 'a-long-enough-password-2026',
        confirmPassword: 'a-long-enough-password-2026',
      }),
      null,
    )
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors))
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: outcome.value.organizationId } })
    expect(org.verification).toBe('PENDING')
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: staff.id } })
    expect(note.kind).toBe('verificationPending')
    expect(JSON.parse(note.body ?? '{}')).toEqual({ organization: '北京未来科技大学' })
  })

  it('lets a pending office keep drafts but not publish, and shows nothing of it in search until approved', async () => {
    const { org, actor, fieldCode } = await office()
    const { who } = await reviewer()
    const engine = new EmbeddedSearchEngine()
    await ensureIndexes(engine)

    const refused = await saveResult(actor, resultInput(fieldCode, 'publish'))
    expect(refused).toEqual({ ok: false, fieldErrors: { '': ['errors.organization.notVerified'] } })
    const draft = await saveResult(actor, resultInput(fieldCode, 'draft'))
    if (!draft.ok) throw new Error('draft refused')
    expect(await changeResultStatus(actor, draft.id, 'publish')).toBe('notVerified')
    expect((await prisma.researchResult.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('DRAFT')

    // Even a listing published by an import stays out of public search while the owner is pending.
    await prisma.researchResult.update({ where: { id: draft.id }, data: { status: 'PUBLISHED' } })
    await prisma.job.create({ data: { queue: 'search', kind: 'index', payload: { index: 'results', id: draft.id } } })
    expect(await publicIds(engine)).toEqual([])
    const own = await engine.search('results', {
      q: '焊缝',
      filter: visibilityFilter({ kind: 'organization', organizationId: org.id }),
    })
    expect(own.hits.map((h) => h.document.id)).toEqual([draft.id])

    expect(await decideVerification(who, org.id, 'approve', null)).toEqual({ ok: true, to: 'APPROVED' })
    expect(await publicIds(engine)).toEqual([draft.id])

    // Suspension takes the listings out of search at once, and the public pages with them.
    const expert = await prisma.expert.create({
      data: { organizationId: org.id, name: '李教授', directions: ['焊接'], status: 'PUBLISHED' },
    })
    expect(await getPublicExpert(expert.id, [])).not.toBeNull()
    expect(await decideVerification(who, org.id, 'suspend', null)).toEqual({ ok: false, error: 'note' })
    expect(await decideVerification(who, org.id, 'suspend', '营业执照已注销')).toEqual({ ok: true, to: 'SUSPENDED' })
    expect(await publicIds(engine)).toEqual([])
    expect(await getPublicExpert(expert.id, [])).toBeNull()
    const audit = await prisma.auditLog.findMany({ where: { entityId: org.id }, orderBy: { createdAt: 'asc' } })
    expect(audit.map((a) => a.action)).toEqual(['organization.approve', 'organization.suspend'])
    const told = await prisma.notification.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: 'asc' } })
    expect(told.map((n) => n.kind)).toEqual(['verificationApproved', 'verificationSuspended'])
  })

  it('settles two reviewers deciding at once: one decision wins, one audit entry, ten times', async () => {
    const { who } = await reviewer()
    for (let trial = 0; trial < 10; trial++) {
      const org = await createOrganization('ENTERPRISE', `并发审核企业${trial}`, 'PENDING')
      const outcomes = await Promise.all([
        decideVerification(who, org.id, 'approve', null, 'PENDING'),
        decideVerification(who, org.id, 'reject', '材料不全', 'PENDING'),
      ])
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
      expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, error: 'state' }])
      const final = await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })
      const won = outcomes.find((o) => o.ok)
      expect(won && won.ok && won.to).toBe(final.verification)
      expect(await prisma.auditLog.count({ where: { entityId: org.id } })).toBe(1)
    }
  })

  it('lets only platform admins and bureau staff review, through the page', async () => {
    const { org, admin } = await office()
    const { cookie } = await reviewer()
    const officeCookie = await cookieHeader(admin.id)
    const denied = await call(reviewLoader, getRequest('/admin/organizations', officeCookie))
    expect((denied as Response).status).toBe(403)
    const deniedPost = await postForm(
      reviewAction,
      '/admin/organizations',
      { intent: 'approve', organizationId: org.id, seen: 'PENDING' },
      officeCookie,
    )
    expect((deniedPost as Response).status).toBe(403)

    const page = (await call(reviewLoader, getRequest('/admin/organizations?state=PENDING', cookie))) as Awaited<
      ReturnType<typeof reviewLoader>
    >
    expect(page.organizations.map((o) => o.id)).toContain(org.id)
    expect(page.organizations.find((o) => o.id === org.id)?.decisions).toEqual(['approve', 'reject'])

    const noReason = await postForm(
      reviewAction,
      '/admin/organizations',
      { intent: 'reject', organizationId: org.id, seen: 'PENDING', note: '' },
      cookie,
    )
    expect(noReason).toMatchObject({ data: { error: 'errors.verification.note' }, init: { status: 400 } })
    await postForm(
      reviewAction,
      '/admin/organizations',
      { intent: 'reject', organizationId: org.id, seen: 'PENDING', note: '材料不全' },
      cookie,
    )
    const rejected = await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })
    expect([rejected.verification, rejected.verificationNote]).toEqual(['REJECTED', '材料不全'])
  })

  it('keeps a verification document to its organization admins and reviewers', async () => {
    const { org, admin } = await office()
    const { cookie: reviewerCookie } = await reviewer()
    const other = await createOrganization('ENTERPRISE')
    const otherCookie = await cookieHeader((await createUser(other.id, 'ENTERPRISE_ADMIN')).id)
    const expertCookie = await cookieHeader((await createUser(org.id, 'EXPERT')).id)
    const cookie = await cookieHeader(admin.id)
    const pdf = new TextEncoder().encode('%PDF-1.4\n% 营业执照\n')

    const upload = async (bytes: Uint8Array, name: string) => {
      const form = new FormData()
      form.set('csrf', await csrfFor(cookie))
      form.set('document', new File([new Uint8Array(bytes)], name))
      return call(
        uploadAction,
        new Request('http://test.local/settings/organization', {
          method: 'POST',
          body: form,
          headers: { Cookie: cookie },
        }),
      )
    }
    expect(await upload(new TextEncoder().encode('<html>not a pdf</html>'), 'licence.pdf')).toMatchObject({
      data: { error: 'errors.document.type' },
    })
    expect(await upload(pdf, '事业单位法人证书.pdf')).toEqual({ error: null, contact: null, bank: null })
    const stored = await prisma.organizationDocument.findFirstOrThrow({ where: { organizationId: org.id } })
    expect(stored.contentType).toBe('application/pdf')
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/)

    const path = `/organizations/${org.id}/documents/${stored.id}`
    const read = (c: string) => call(documentLoader, getRequest(path, c), { id: org.id, documentId: stored.id })
    for (const c of [otherCookie, expertCookie]) expect(((await read(c)) as Response).status).toBe(404)
    for (const c of [cookie, reviewerCookie]) {
      const response = (await read(c)) as Response
      expect(response.status).toBe(200)
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf)
      expect(response.headers.get('Content-Disposition')).toContain('attachment')
    }
  })
})
