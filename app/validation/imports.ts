import { z } from 'zod'

/**
 * The import batch page's two actions: map unrecognised headers to our columns (`map:<header>`
 * fields, empty ones ignored) and check again, or commit the previewed file.
 */
export const ImportBatchActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('remap'),
    mapping: z.record(z.string().max(200), z.string().min(1).max(60)),
  }),
  z.object({ intent: z.literal('commit') }),
])

/** The form's fields as the schema's input. */
export function importBatchInput(formData: FormData) {
  const mapping: Record<string, string> = {}
  for (const [name, value] of formData) {
    if (name.startsWith('map:') && typeof value === 'string' && value) mapping[name.slice(4)] = value
  }
  return { intent: formData.get('intent'), mapping }
}
