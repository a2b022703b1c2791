import { describe, expect, it } from 'vitest'
import { callApi, type ApiBody, type ApiHandler } from '../support/api'
import { action as expertsAction, loader as expertsLoader } from '~/routes/api.v1.experts'
import { action as expertAction, loader as expertLoader } from '~/routes/api.v1.experts.$id'
import { action as statusAction } from '~/routes/api.v1.experts.$id.status'
import { prisma } from '~/utils/db.server'
import { createOrganization, createUser, issueToken } from '../support/factories'

type Handler = ApiHandler
type Body = ApiBody
const api = callApi

async function institution(scopes: Parameters<typeof issueToken>[2] = ['experts:read', 'experts:write']) {
  const org = await createOrganization('UNIVERSITY', `大学${Math.random().toString(36).slice(2, 6)}`)
  const admin = await createUser(org.id, 'TTO_ADMIN')
  return { org, token: await issueToken(org.id, admin.id, scopes) }
}

const EXPERT = {
  name: '李明远',
  title: '教授',
  directions: ['注塑成型', '模具冷却'],
  keywords: ['随形冷却'],
  fieldCodes: [] as string[],
  email: 'liming@example.edu.cn',
  available: true,
  intent: 'publish',
}

describe('/api/v1/experts', () => {
  it('creates, changes, archives and lists an institution’s experts; contacts stay with the institution', async () => {
    const a = await institution()
    const field = await prisma.techField.findFirstOrThrow({ where: { parentCode: null } })
    const created = await api(expertsAction as Handler, 'POST', '/api/v1/experts', a.token, {
      ...EXPERT,
      fieldCodes: [field.code],
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: '李明远', status: 'PUBLISHED', email: 'liming@example.edu.cn' })
    const id = created.body.id
    const patched = await api(
      expertAction as Handler,
      'PATCH',
      `/api/v1/experts/${id}`,
      a.token,
      { available: false },
      id,
    )
    expect(patched.body).toMatchObject({ available: false, directions: EXPERT.directions, email: EXPERT.email })
    const archived = await api(
      statusAction as Handler,
      'POST',
      `/api/v1/experts/${id}/status`,
      a.token,
      { transition: 'archive' },
      id,
    )
    expect(archived.body.status).toBe('ARCHIVED')
    const listed = await api(expertsLoader as Handler, 'GET', '/api/v1/experts?status=ARCHIVED', a.token)
    expect(listed.body.data.map((e: Body) => e.id)).toEqual([id])

    // Another institution sees nothing of it; a bureau token reads it without its contacts.
    const b = await institution()
    expect((await api(expertLoader as Handler, 'GET', `/api/v1/experts/${id}`, b.token, undefined, id)).status).toBe(
      404,
    )
    const bureau = await createOrganization('BUREAU', '宝坻区科技局')
    const staff = await createUser(bureau.id, 'BUREAU_STAFF')
    const bureauToken = await issueToken(bureau.id, staff.id, ['experts:read'])
    const read = await api(expertLoader as Handler, 'GET', `/api/v1/experts/${id}`, bureauToken, undefined, id)
    expect(read.status).toBe(200)
    expect(read.body.email).toBeUndefined()
  })

  it('refuses an invalid profile with messages by field, and a read-only token', async () => {
    const a = await institution()
    const bad = await api(expertsAction as Handler, 'POST', '/api/v1/experts', a.token, {
      ...EXPERT,
      name: '李',
      email: undefined,
    })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.errors).sort()).toEqual(['email', 'name'])
    const reader = await institution(['experts:read'])
    expect((await api(expertsAction as Handler, 'POST', '/api/v1/experts', reader.token, EXPERT)).status).toBe(403)
    expect(await prisma.expert.count()).toBe(0)
  })
})
