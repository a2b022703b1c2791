import type { LoaderFunctionArgs } from '@remix-run/node'
import { getAttachmentForDownload } from '~/calls/page.server'
import { notFound, requireUser } from '~/utils/permissions.server'

/** A proposal's attachment: for its institution's office and, after the deadline, the call's evaluators. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const attachment = await getAttachmentForDownload(user, params.id ?? '', params.attachmentId ?? '')
  if (!attachment) notFound()
  return new Response(new Uint8Array(attachment.data), {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Length': String(attachment.data.byteLength),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ETag: `"${attachment.sha256}"`,
    },
  })
}
