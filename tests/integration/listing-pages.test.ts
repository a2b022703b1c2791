import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { action as resultAction, loader as resultLoader } from '~/routes/results.$id'
import { action as expertAction } from '~/routes/experts.$id'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createNeed, createOrganization, createUser, getRequest, postForm } from '../support/factories'
import { loadMarket } from '../support/market'

async function call<T>(
  fn: (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<T>,
  request: Request,
  id: string,
) {
  try {
    return await fn({ request, params: { id }, context: {} })
  } catch (thrown) {
    return thrown as Response
  }
}

describe('listings you can act on', () => {
  it('shows a published result to anyone, and nothing of a draft or of an unapproved institution', async () => {
    await loadMarket()
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-WELD' } })
    const page = (await call(resultLoader, getRequest(`/results/${result.id}`), result.id)) as Awaited<
      ReturnType<typeof resultLoader>
    >
    expect(page.result).toMatchObject({ title: result.title, abstract: result.abstract })
    expect(page.needs).toBeNull()

    await prisma.researchResult.update({ where: { id: result.id }, data: { status: 'DRAFT' } })
    expect(((await call(resultLoader, getRequest(`/results/${result.id}`), result.id)) as Response).status).toBe(404)
    await prisma.researchResult.update({ where: { id: result.id }, data: { status: 'PUBLISHED' } })
    await prisma.organization.update({ where: { id: result.organizationId }, data: { verification: 'SUSPENDED' } })
    expect(((await call(resultLoader, getRequest(`/results/${result.id}`), result.id)) as Response).status).toBe(404)
  })

  it('lets an enterprise ask for an introduction from a result’s or an expert’s page, about its own need only', async () => {
    const { need } = await loadMarket()
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-WELD' } })
    const expert = await prisma.expert.findFirstOrThrow({ where: { externalId: 'E-NDT' } })
    const owner = await cookieHeader((await createUser(need.organizationId, 'ENTERPRISE_ADMIN')).id)
    const page = (await call(resultLoader, getRequest(`/results/${result.id}`, owner), result.id)) as Awaited<
      ReturnType<typeof resultLoader>
    >
    expect(page.needs?.map((n) => n.id)).toContain(need.id)

    const message = '希望了解该成果在我们焊接产线上的应用条件。'
    const sent = (await postForm(
      resultAction,
      `/results/${result.id}`,
      { needId: need.id, message },
      owner,
      result.id,
    )) as Response
    expect(sent.status).toBe(302)
    const intro = await prisma.introduction.findFirstOrThrow({ where: { resultId: result.id } })
    expect(sent.headers.get('Location')).toBe(`/introductions/${intro.id}`)
    expect(intro).toMatchObject({ needId: need.id, targetOrgId: result.organizationId, status: 'REQUESTED' })
    const again = (await postForm(
      resultAction,
      `/results/${result.id}`,
      { needId: need.id, message },
      owner,
      result.id,
    )) as {
      data: { error: string }
    }
    expect(again.data.error).toBe('errors.intro.duplicate')

    const toExpert = (await postForm(
      expertAction,
      `/experts/${expert.id}`,
      { needId: need.id, message },
      owner,
      expert.id,
    )) as Response
    expect(toExpert.status).toBe(302)
    expect(await prisma.introduction.count({ where: { expertId: expert.id, needId: need.id } })).toBe(1)

    // Another enterprise cannot use this need; an office cannot ask at all.
    const other = await createOrganization('ENTERPRISE')
    const otherCookie = await cookieHeader((await createUser(other.id, 'ENTERPRISE_ADMIN')).id)
    await createNeed(other.id)
    const foreign = (await postForm(
      resultAction,
      `/results/${result.id}`,
      { needId: need.id, message },
      otherCookie,
      result.id,
    )) as {
      data: { error: string }
    }
    expect(foreign.data.error).toBe('errors.intro.needNotOpen')
    const officeCookie = await cookieHeader((await createUser(result.organizationId, 'TTO_ADMIN')).id)
    const office = (await postForm(
      resultAction,
      `/results/${result.id}`,
      { needId: need.id, message },
      officeCookie,
      result.id,
    )) as Response
    expect(office.status).toBe(403)
    const blank = (await postForm(
      resultAction,
      `/results/${result.id}`,
      { needId: '', message: '短' },
      owner,
      result.id,
    )) as {
      data: { error: string }
    }
    expect(blank.data.error).toBe('errors.intro.needRequired')
  })
})
