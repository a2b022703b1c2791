import { z } from 'zod'

/**
 * A status button on a result's or an expert profile's page (components/status-button.tsx). Its
 * own intent, so the page's form keeps `draft` and `publish` for saving.
 */
export const ListingStatusSchema = z.object({
  intent: z.literal('changeStatus'),
  transition: z.enum(['publish', 'archive', 'republish']),
})
