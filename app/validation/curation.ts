import { z } from 'zod'
import { blankToUndefined, optionalText, isSingleLine } from './fields'

const isoDate = (key: string) =>
  z
    .string({ error: key })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: key })
    .refine((v) => !Number.isNaN(Date.parse(v)), {
      message: key,
    })

/** 征集: a need-collection campaign for a period, district-wide or for one town/street. */
export const CampaignFormSchema = z
  .object({
    name: z
      .string({ error: 'errors.campaign.nameRequired' })
      .trim()
      .min(4, { message: 'errors.campaign.nameShort' })
      .max(60, { message: 'errors.campaign.nameLong' })
      .refine(isSingleLine, { message: 'errors.singleLine' }),
    description: optionalText(1000, 'errors.campaign.descriptionLong'),
    areaId: z.preprocess(blankToUndefined, z.string().optional()),
    startsOn: isoDate('errors.campaign.date'),
    endsOn: isoDate('errors.campaign.date'),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn > v.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'errors.campaign.order' })
  })
export type CampaignFormInput = z.infer<typeof CampaignFormSchema>

/**
 * A curated expert group for a hard need: 2 to 5 experts, each with the aspects they cover.
 * The form posts `member` once per chosen expert and `aspects.<expertId>` beside it.
 */
export const ExpertGroupFormSchema = z.object({
  members: z
    .array(z.string().min(1))
    .min(2, { message: 'errors.group.size' })
    .max(5, { message: 'errors.group.size' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'errors.group.size' }),
  aspects: z.record(z.string(), z.string().trim().max(100, { message: 'errors.group.aspectsLong' })),
  note: optionalText(500, 'errors.group.noteLong'),
  notify: z.boolean(),
})
export type ExpertGroupFormInput = z.infer<typeof ExpertGroupFormSchema>

export function expertGroupFormValues(formData: FormData) {
  const members = formData.getAll('member').map(String)
  const aspects: Record<string, string> = {}
  for (const id of members) aspects[id] = String(formData.get(`aspects.${id}`) ?? '')
  return { members, aspects, note: formData.get('note') ?? undefined, notify: formData.get('notify') === 'on' }
}
