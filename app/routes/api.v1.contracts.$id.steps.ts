import { postAction } from '~/api/body.server'
import { takeStep } from '~/api/contracts.server'

/** POST /api/v1/contracts/:id/steps — `{ "intent": "confirm", "termsVersion": 1 }`, sign, submit, register… */
export const action = postAction('contracts:write', takeStep)
