import { data, redirect } from '@remix-run/node'
import { parseWithZod } from '@conform-to/zod/v4'
import { changeExpertStatus, findExpertInScope, saveExpert, type ExpertScope } from '~/models/experts.server'
import { notFound } from '~/utils/permissions.server'
import { ExpertEditActionSchema } from '~/validation/experts'
import { notVerifiedReply } from '~/models/verification.server'
import { optionalYuanText } from '~/utils/format'

/** The profile's stored values as the form shows them; 404 outside the caller's scope. */
export async function expertFormDefaults(scope: ExpertScope, expertId?: string) {
  const expert = await findExpertInScope(scope, expertId)
  if (!expert) notFound()
  return {
    id: expert.id,
    status: expert.status,
    defaults: {
      name: expert.name,
      title: expert.title,
      directions: expert.directions.join('、'),
      keywords: expert.keywords.join('、'),
      fieldCodes: expert.fieldCodes,
      bio: expert.bio,
      achievements: expert.achievements,
      email: expert.email,
      phone: expert.phone,
      contactVisibility: expert.contactVisibility,
      available: expert.available ? 'on' : undefined,
      consultationFeeYuan: optionalYuanText(expert.consultationFeeFen),
      consultationMinutes: expert.consultationMinutes?.toString() ?? null,
    },
  }
}

/**
 * The action every expert-profile page shares, by `intent`: a status change (publish, archive,
 * republish) or the whole form, validated, saved in the caller's scope, then back to `savedPath(id)`.
 */
export async function expertFormAction(
  formData: FormData,
  actor: { userId: string; organizationId: string },
  scope: ExpertScope,
  expertId: string | undefined,
  savedPath: (id: string) => string,
) {
  const submission = parseWithZod(formData, { schema: ExpertEditActionSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const input = submission.value
  switch (input.intent) {
    case 'changeStatus': {
      // A profile not saved yet has no status to change.
      if (expertId === undefined) notFound()
      const changed = await changeExpertStatus(actor, scope, expertId, input.transition)
      if (changed === 'refused') notFound()
      if (changed === 'notVerified') return data(notVerifiedReply(), { status: 409 })
      return { statusChanged: true as const }
    }
    case 'draft':
    case 'publish': {
      const outcome = await saveExpert(actor, scope, input, expertId)
      if (!outcome.ok && outcome.notFound) notFound()
      if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 })
      return redirect(savedPath(outcome.id))
    }
  }
}
