import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { cancelCall, publishCall } from '~/calls/calls.server'
import { declareNoConflict, decideCall, inviteReviewer, shortlistProposal } from '~/calls/evaluation.server'
import { getCallPageView } from '~/calls/page.server'
import {
  askOfficeToApply,
  attachToProposal,
  removeAttachment,
  saveProposal,
  withdrawProposal,
} from '~/calls/proposals.server'
import { ApplicantPanel, CallFacts, ExpertPanel, OwnerPanel, ReviewerPanel } from '~/components/call-panels'
import { actionDone, actionFailed, fieldErrors, type ActionResult } from '~/utils/action-result'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, OFFICE_ROLES, requireUser } from '~/utils/permissions.server'
import { getSessionUser, type SessionUser } from '~/utils/session.server'
import { parseUpload } from '~/utils/uploads.server'
import { CallActionSchema, MAX_ATTACHMENT_BYTES, type CallAction } from '~/validation/calls'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'calls.pageTitle', { title: data?.call.title ?? '' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await getCallPageView(await getSessionUser(request), params.id ?? '')
  if (!page) notFound()
  return page
}

/** A file for the office's proposal (the one multipart form of the page). */
async function upload(request: Request, user: SessionUser, callId: string) {
  const office = user.memberships.find((m) => OFFICE_ROLES.includes(m.role))
  if (!office) notFound()
  const parsed = await parseUpload(request, MAX_ATTACHMENT_BYTES)
  if (!parsed) return actionFailed({ file: ['errors.proposal.attachmentSize'] }, 413)
  try {
    await requireCsrf(request, parsed.formData)
    const file = parsed.file('file')
    if (!file) return actionFailed({ file: ['errors.proposal.attachmentMissing'] })
    const outcome = await attachToProposal({ userId: user.id, organizationId: office.organizationId }, callId, {
      name: file.name,
      bytes: await file.bytes(),
    })
    if (!outcome.ok) {
      if (outcome.notFound) notFound()
      return data({ ok: false as const, errors: { file: [outcome.error] }, params: outcome.params }, { status: 409 })
    }
    return actionDone('upload')
  } finally {
    await parsed.dispose()
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const callId = params.id ?? ''
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) return upload(request, user, callId)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: CallActionSchema })
  if (submission.status !== 'success') return actionFailed<CallAction['intent']>(fieldErrors(submission.error))
  const input = submission.value
  const membership = user.memberships[0]
  const actor = { userId: user.id, organizationId: membership?.organizationId ?? null, viewer: user }
  // An institution's office acts on its own proposal; nobody else has one to act on.
  const office = user.memberships.find((m) => OFFICE_ROLES.includes(m.role))
  const applicant = office ? { userId: user.id, organizationId: office.organizationId } : null
  const owner = { userId: user.id, organizationId: membership?.organizationId ?? '', viewer: user }
  const outcome = await (() => {
    switch (input.intent) {
      case 'save':
      case 'submit':
        return applicant ? saveProposal(applicant, callId, input) : notFound()
      case 'askOffice': {
        // An expert acts for themself: the request goes to their institution's office.
        const expert = user.memberships.find((m) => m.role === 'EXPERT')
        return expert
          ? askOfficeToApply({ userId: user.id, organizationId: expert.organizationId }, callId, input.note)
          : notFound()
      }
      case 'withdraw':
        return applicant ? withdrawProposal(applicant, callId) : notFound()
      case 'deleteAttachment':
        return applicant ? removeAttachment(applicant, callId, input.attachmentId) : notFound()
      case 'publish':
        return publishCall(owner, callId)
      case 'cancel':
        return cancelCall(owner, callId, input.reason)
      case 'invite':
        return inviteReviewer(actor, callId, input.email)
      case 'declare':
        return declareNoConflict(actor, callId, input.declaration)
      case 'shortlist':
        return shortlistProposal(actor, callId, input.proposalId)
      case 'award':
        return decideCall(actor, callId, input)
      case 'close':
        return decideCall(actor, callId, { awardedIds: [], note: input.note, reasons: {} })
    }
  })()
  if (!outcome.ok) {
    if (outcome.notFound) notFound()
    const params = 'params' in outcome ? outcome.params : undefined
    return data({ ok: false as const, errors: { [outcome.field ?? '']: [outcome.error] }, params }, { status: 409 })
  }
  return actionDone(input.intent)
}

export default function CallPage() {
  const { t } = useTranslation()
  const page = useLoaderData<typeof loader>()
  const result = useActionData<ActionResult<CallAction['intent'] | 'upload'> & { params?: Record<string, string> }>()
  const errors = result && !result.ok ? result.errors : {}
  const { call } = page
  return (
    <>
      <p className="muted">
        <Link to="/calls">{t('calls.listTitle')}</Link>
      </p>
      <h1>
        {call.title}{' '}
        <span className="badge" data-testid="call-phase">
          {t(`calls.phase.${page.phase}`)}
        </span>
      </h1>
      {errors[''] ? (
        <p className="error" role="alert" id="call-error">
          {errors[''].map((e) => t(e, result?.params ?? {})).join('；')}
        </p>
      ) : null}
      {result?.ok ? (
        <p className="notice" role="status" data-testid="call-done">
          {t(`calls.done.${result.intent}`)}
        </p>
      ) : null}
      <CallFacts page={page} />
      {page.owner ? <OwnerPanel page={page} errors={errors} /> : null}
      {page.invitation || page.evaluator === 'reviewer' ? <ReviewerPanel page={page} errors={errors} /> : null}
      {page.applicant ? <ApplicantPanel page={page} errors={errors} /> : null}
      {page.expert && page.phase === 'OPEN' && !page.invitation ? <ExpertPanel page={page} errors={errors} /> : null}
      {!page.signedIn && page.phase === 'OPEN' ? (
        <p className="notice">
          <Link to={`/login?redirectTo=/calls/${call.id}`}>{t('calls.signInToApply')}</Link>
        </p>
      ) : null}
    </>
  )
}
