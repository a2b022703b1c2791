import { data, redirect } from '@remix-run/node'
import { requestIntroduction } from '~/introductions/requests.server'
import { requireCsrf } from '~/utils/csrf.server'
import { requireEnterprise } from '~/utils/permissions.server'
import { ListingIntroRequestSchema } from '~/validation/introductions'

/**
 * "请求对接" posted from a result's or an expert's public page: an enterprise member, about one of
 * its own open needs. Answers with the error to show, or goes to the new introduction.
 */
export async function listingIntroductionAction(request: Request, targetKind: 'expert' | 'result', targetId: string) {
  const { user, membership } = await requireEnterprise(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = ListingIntroRequestSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    return data({ error: parsed.error.issues[0]?.message ?? 'errors.intro.needRequired' }, { status: 400 })
  }
  const outcome = await requestIntroduction(
    { userId: user.id, organizationId: membership.organizationId },
    { needId: parsed.data.needId, targetKind, targetId, message: parsed.data.message },
  )
  if (!outcome.ok) return data({ error: outcome.error }, { status: 409 })
  return redirect(`/introductions/${outcome.id}`)
}
