import { postAction } from '~/api/body.server'
import { answerIntroduction } from '~/api/introductions.server'

/** POST /api/v1/introductions/:id/response — `{ "decision": "ACCEPTED" }` or DECLINED with a reason. */
export const action = postAction('introductions:write', answerIntroduction)
