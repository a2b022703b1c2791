import type { LoaderFunctionArgs } from '@remix-run/node'
import { getVerificationDocument } from '~/models/verification.server'
import { mayReadOrganizationDocument, notFound, requireUser } from '~/utils/permissions.server'

/** A verification document, for its organization's admins and for reviewers; others get 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const organizationId = params.id ?? ''
  if (!mayReadOrganizationDocument(user, organizationId)) notFound()
  const document = await getVerificationDocument(params.documentId ?? '')
  if (!document || document.organizationId !== organizationId) notFound()
  return new Response(new Uint8Array(document.data), {
    headers: {
      'Content-Type': document.contentType,
      'Content-Length': String(document.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
