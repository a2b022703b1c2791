import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { testClient } from '../support/api-client'
import { createOrganization, createUser, issueToken } from '../support/factories'
import { signedContract } from '../support/payments'

/** Writes aimed at another organization's records answer 404, as if they did not exist, and change nothing. */
describe('the API and other organizations’ records', () => {
  it('refuses to change another institution’s result, expert or contract: 404, nothing written', async () => {
    const owner = await createOrganization('UNIVERSITY', '天津大学')
    const result = await prisma.researchResult.create({
      data: { organizationId: owner.id, title: '焊缝视觉跟踪', abstract: '结构光视觉跟踪焊缝', status: 'PUBLISHED' },
    })
    const expert = await prisma.expert.create({
      data: { organizationId: owner.id, name: '王教授', directions: ['焊接'], status: 'PUBLISHED' },
    })
    const { c } = await signedContract()

    const stranger = await createOrganization('UNIVERSITY', '别的大学')
    const admin = await createUser(stranger.id, 'TTO_ADMIN')
    const api = testClient(
      await issueToken(stranger.id, admin.id, [
        'results:read',
        'results:write',
        'experts:read',
        'experts:write',
        'contracts:read',
        'contracts:write',
      ]),
    )
    const answers = [
      await api.PATCH('/results/{id}', { params: { path: { id: result.id } }, body: { title: '改名' } as never }),
      await api.POST('/results/{id}/status', { params: { path: { id: result.id } }, body: { transition: 'archive' } }),
      await api.PATCH('/experts/{id}', { params: { path: { id: expert.id } }, body: { name: '改名' } as never }),
      await api.POST('/experts/{id}/status', { params: { path: { id: expert.id } }, body: { transition: 'archive' } }),
      await api.POST('/contracts/{id}/steps', { params: { path: { id: c.id } }, body: { intent: 'submit' } as never }),
    ]
    expect(answers.map((a) => a.response.status)).toEqual([404, 404, 404, 404, 404])
    expect(await prisma.researchResult.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      title: '焊缝视觉跟踪',
      status: 'PUBLISHED',
    })
    expect(await prisma.expert.findUniqueOrThrow({ where: { id: expert.id } })).toMatchObject({
      name: '王教授',
      status: 'PUBLISHED',
    })
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('SIGNED')
    expect(await prisma.auditLog.count({ where: { action: { startsWith: 'api.' } } })).toBe(0)
  })
})
