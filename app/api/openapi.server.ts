import { z } from 'zod'
import { SearchParamsSchema } from '~/search/listings.server'
import { CallFormSchema, CallTransitionSchema } from '~/validation/calls'
import { ProposalCreateSchema } from './call-writes.server'
import { NeedFormSchema } from '~/validation/needs'
import { ExpertFormSchema } from '~/validation/experts'
import { ResultFormSchema } from '~/validation/results'
import { ExpertViewSchema, expertsResource } from './experts.server'
import { NeedViewSchema, needsResource } from './needs.server'
import { CallViewSchema, callsResource, ProposalViewSchema, proposalsResource } from './calls.server'
import {
  ContractCreateSchema,
  ContractViewSchema,
  contractsResource,
  PaymentViewSchema,
  paymentsResource,
} from './contracts.server'
import { IntroductionViewSchema, introductionsResource } from './introductions.server'
import { getOperation, listingPaths, postOperation, ProblemSchema, readPaths, schemaOf } from './openapi-parts.server'
import { SearchResponseSchema, SEARCH_KINDS } from './search.server'
import {
  LeadsQuerySchema,
  LeadsResponseSchema,
  NeedMatchesQuerySchema,
  NeedMatchesResponseSchema,
} from './matches.server'
import { ContractStepSchema } from '~/validation/contracts'
import { IntroResponseSchema } from '~/validation/introductions'
import { ResultViewSchema, resultsResource } from './results.server'

/** The reverse direction: open needs one of your results or experts could answer. */
function offerMatchPaths() {
  return Object.fromEntries(
    (['results', 'experts'] as const).map((kind) => [
      `/${kind}/{id}/matches`,
      getOperation({
        summary: `Needs one of your ${kind} could answer`,
        description: 'Open needs, best first, with confidence (1–5) and reasons, and the enterprises behind them.',
        scope: `${kind}:read`,
        path: [{ name: 'id', schema: { type: 'string' } }],
        query: LeadsQuerySchema,
        response: LeadsResponseSchema,
      }),
    ]),
  )
}

/** 揭榜挂帅 calls and proposals: read, and written as the pages do (evaluation and award stay on the pages). */
function callPaths() {
  const calls = readPaths(callsResource, CallViewSchema)
  const proposals = readPaths(proposalsResource, ProposalViewSchema)
  return {
    ...calls,
    '/calls': {
      ...calls['/calls'],
      ...postOperation({
        summary: 'Publish a call from a need',
        description:
          'The call form’s fields for one of your needs (the bureau: a campaign’s need, with district funding); `intent: draft` keeps it unpublished. Eligibility, weighted criteria (adding up to 100) and the deadline in Beijing time as on the page.',
        scope: 'calls:write',
        body: CallFormSchema,
        response: CallViewSchema,
        created: true,
        conflict: 'The need already has a live call, or is not open',
        refusals: { '404': 'No such need, or not yours' },
      }),
    },
    '/calls/{id}/status': postOperation({
      summary: 'Publish or cancel a call',
      description: '`publish` a draft (its deadline still ahead), or `cancel` with a `reason` the applicants are told.',
      scope: 'calls:write',
      withId: true,
      body: CallTransitionSchema,
      response: CallViewSchema,
      conflict: 'The call’s state does not allow it',
    }),
    ...proposals,
    '/proposals': {
      ...proposals['/proposals'],
      ...postOperation({
        summary: 'Save or submit your proposal to a call',
        description:
          'The proposal form’s fields and the `callId`; `intent: save` keeps a draft, `submit` enters it. One proposal per institution and call; milestones add up to the price; refused after the deadline (Beijing time) or when the call does not admit your institution.',
        scope: 'proposals:write',
        body: ProposalCreateSchema,
        response: ProposalViewSchema,
        conflict: 'Past the deadline, not eligible, or locked',
        refusals: { '404': 'No such call' },
      }),
    },
    '/proposals/{id}/withdraw': postOperation({
      summary: 'Withdraw your proposal',
      description: 'Before the deadline only; you may submit again until then.',
      scope: 'proposals:write',
      withId: true,
      body: z.object({}),
      response: ProposalViewSchema,
      conflict: 'Past the deadline',
    }),
  }
}

/** The API's OpenAPI 3.1 description: the needs resource generated from its zod schemas. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '宝坻区科技成果转化对接平台 API',
      version: '1.0.0',
      description:
        'Needs, research results and experts (read, write, status), their matches in both directions and search with the pages’ ranking; introductions (read, answer), technology contracts (read, draft, confirm and the other lifecycle steps), payments, 揭榜挂帅 calls and your own proposals. Authenticate with a bearer token issued on /settings/api-tokens by an organization admin or bureau staff; each token carries scopes (each operation names its own in `x-scope`) and may expire. Lists page by `nextCursor`, oldest change first, and take `updatedSince` for keeping a copy in sync. Money is exact yuan as a string; instants are UTC. Errors are RFC 9457 problem details with Chinese and English messages. Every POST honours an Idempotency-Key header: for 24 hours a retry under the same key gets the first answer.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token beginning with bdt_' } },
      schemas: {
        Problem: schemaOf(ProblemSchema),
        Need: schemaOf(NeedViewSchema),
        NeedInput: schemaOf(NeedFormSchema, 'input'),
        Result: schemaOf(ResultViewSchema),
        ResultInput: schemaOf(ResultFormSchema, 'input'),
        Expert: schemaOf(ExpertViewSchema),
        ExpertInput: schemaOf(ExpertFormSchema, 'input'),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/needs/{id}/matches': getOperation({
        summary: 'Matches of a need',
        description:
          'Experts, research results or expert groups for one of your needs, best first, each with a score, a confidence (1–5) and the reasons. Matches below minConfidence are left out and counted in `hidden`.',
        scope: 'needs:read',
        path: [{ name: 'id', schema: { type: 'string' } }],
        query: NeedMatchesQuerySchema,
        response: NeedMatchesResponseSchema,
      }),
      ...listingPaths(needsResource, 'Need'),
      ...listingPaths(resultsResource, 'Result'),
      ...listingPaths(expertsResource, 'Expert'),
      ...offerMatchPaths(),
      '/search/{kind}': getOperation({
        summary: 'Search published results, experts or needs',
        description:
          'The search pages’ ranking (words and meaning). `field`, `region`, `stage`, `mode`, `institution` and `available` may repeat; the scope is the kind’s `:read`.',
        scope: 'results:read | experts:read | needs:read',
        path: [{ name: 'kind', schema: { type: 'string', enum: [...SEARCH_KINDS] } }],
        query: SearchParamsSchema,
        response: SearchResponseSchema,
      }),
      ...readPaths(introductionsResource, IntroductionViewSchema),
      '/introductions/{id}/response': postOperation({
        summary: 'Answer an introduction',
        description:
          'The institution answers a request, the enterprise an offer: `decision` ACCEPTED, or DECLINED with a `reason` (and a `note` for OTHER). `intent` may be left out.',
        scope: 'introductions:write',
        withId: true,
        body: IntroResponseSchema,
        response: IntroductionViewSchema,
        conflict: 'Answered already, or expired',
        refusals: { '403': 'The token lacks the scope, or the other side answers this introduction' },
      }),
      ...readPaths(contractsResource, ContractViewSchema),
      '/contracts': {
        ...readPaths(contractsResource, ContractViewSchema)['/contracts'],
        ...postOperation({
          summary: 'Draft a contract',
          description:
            'The contract form’s fields; `ourSide` says which party the token’s organization is. The other party is linked by its credit code when it is on the platform, never by name.',
          scope: 'contracts:write',
          body: ContractCreateSchema,
          response: ContractViewSchema,
          created: true,
        }),
      },
      '/contracts/{id}/steps': postOperation({
        summary: 'Take a lifecycle step',
        description:
          'As on the contract page: `confirm` the `termsVersion` you read (both parties confirm before signing), `sign`, `submit`; the bureau `register`s with the registry’s number.',
        scope: 'contracts:write',
        withId: true,
        body: ContractStepSchema,
        response: ContractViewSchema,
        conflict: 'The step is not allowed now',
      }),
      ...readPaths(paymentsResource, PaymentViewSchema),
      ...callPaths(),
    },
  }
}
