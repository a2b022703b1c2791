import { z } from 'zod'
import { NeedFormSchema } from '~/validation/needs'
import { ExpertFormSchema } from '~/validation/experts'
import { ResultFormSchema } from '~/validation/results'
import { ExpertViewSchema, expertsResource } from './experts.server'
import { NeedViewSchema, needsResource } from './needs.server'
import { listQueryOf, type ListingResource } from './resource.server'
import { ResultViewSchema, resultsResource } from './results.server'

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema: what the routes validate with. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output') {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return json
}

const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  message: z.string().describe('In Chinese'),
  messageEn: z.string().describe('In English'),
  errors: z.record(z.string(), z.object({ message: z.string(), messageEn: z.string() })).optional(),
})

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'A retry with the same key returns the first answer instead of acting twice.',
  schema: { type: 'string', maxLength: 200 },
}
const auth = {
  '401': problem('Missing, unknown, revoked or expired token'),
  '403': problem('The token lacks the scope'),
}

/** A listing resource's paths: list (cursor, `updatedSince`, filters), create, read, update, status. */
function listingPaths<R extends { id: string; organizationId: string; status: string; updatedAt: Date }, V>(
  resource: ListingResource<R, V>,
  schemaName: string,
) {
  const ref = { $ref: `#/components/schemas/${schemaName}` }
  const input = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}Input` } } } }
  const one = (description: string) => ({ description, content: { 'application/json': { schema: ref } } })
  const query = schemaOf(listQueryOf(resource.filters), 'input') as { properties: Record<string, object> }
  const names = resource.names.en.toLowerCase()
  return {
    [`/${resource.segment}`]: {
      get: {
        summary: `List ${resource.segment}`,
        description: 'Oldest change first; follow `nextCursor`. A row changed again is listed again.',
        'x-scope': resource.readScope,
        parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: 'query', schema })),
        responses: {
          '200': {
            description: 'One page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { data: { type: 'array', items: ref }, nextCursor: { type: ['string', 'null'] } },
                },
              },
            },
          },
          '400': problem('Invalid query'),
          ...auth,
        },
      },
      post: {
        summary: `Create a ${names}`,
        'x-scope': resource.writeScope,
        parameters: [idempotencyKey],
        requestBody: input,
        responses: { '201': one('Created'), '422': problem('Invalid fields'), ...auth },
      },
    },
    [`/${resource.segment}/{id}`]: {
      get: {
        summary: `Read a ${names}`,
        'x-scope': resource.readScope,
        parameters: [idParameter],
        responses: { '200': one(resource.names.en), '404': problem('No such record, or not yours'), ...auth },
      },
      patch: {
        summary: `Change fields of a ${names}`,
        'x-scope': resource.writeScope,
        parameters: [idParameter],
        requestBody: input,
        responses: {
          '200': one('Changed'),
          '404': problem('No such record'),
          '422': problem('Invalid fields'),
          ...auth,
        },
      },
    },
    [`/${resource.segment}/{id}/status`]: {
      post: {
        summary: `Change the status of a ${names}`,
        'x-scope': resource.writeScope,
        parameters: [idParameter, idempotencyKey],
        requestBody: {
          content: {
            'application/json': {
              schema: schemaOf(z.object({ transition: z.enum(resource.transitions) }), 'input'),
            },
          },
        },
        responses: {
          '200': one('Changed'),
          '404': problem('No such record'),
          '409': problem('The status does not allow it'),
          ...auth,
        },
      },
    },
  }
}

const reasonList = { type: 'array', items: { type: 'string' } }

const matchItem = {
  type: 'object',
  required: ['id', 'externalId', 'score', 'confidence', 'reasons'],
  properties: {
    id: { type: 'string' },
    externalId: { type: ['string', 'null'], description: 'The id in the institution’s own system, from imports' },
    type: { type: 'string', enum: ['expert', 'result'] },
    name: { type: 'string', description: 'Expert name or result title' },
    institution: { type: 'string' },
    score: { type: 'number', minimum: 0, maximum: 1 },
    confidence: { type: 'integer', minimum: 1, maximum: 5 },
    matchedTerms: { type: 'array', items: { type: 'string' } },
    status: { type: ['string', 'null'], enum: ['PROPOSED', 'ACCEPTED', 'DECLINED', null] },
    reasons: { ...reasonList, description: 'Why it matches, in Chinese' },
    reasonsEn: { ...reasonList, description: 'The same reasons in English' },
  },
}

const groupItem = {
  type: 'object',
  required: ['id', 'score', 'confidence', 'members', 'reasons'],
  properties: {
    id: { type: 'string' },
    externalId: { type: 'null' },
    score: { type: 'number' },
    confidence: { type: 'integer', minimum: 1, maximum: 5 },
    coverage: { type: 'number', description: 'Share of the need’s key aspects the group covers' },
    members: {
      type: 'array',
      minItems: 2,
      maxItems: 5,
      items: {
        type: 'object',
        properties: {
          expertId: { type: 'string' },
          externalId: { type: ['string', 'null'] },
          name: { type: 'string' },
          institution: { type: 'string' },
          aspects: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    uncovered: { type: 'array', items: { type: 'string' } },
    reasons: reasonList,
    reasonsEn: reasonList,
  },
}

const error = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' } },
    },
  },
}

/** The API's OpenAPI 3.1 description: the needs resource generated from its zod schemas. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '宝坻区科技成果转化对接平台 API',
      version: '1.0.0',
      description:
        'Needs, research results and the ranked matches of needs. Authenticate with a bearer token issued on /settings/api-tokens by an organization admin or bureau staff; each token carries scopes (needs:read, needs:write, results:read, results:write) and may expire. Errors are RFC 9457 problem details with Chinese and English messages. Every POST honours an Idempotency-Key header.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token beginning with bdt_' } },
      schemas: {
        MatchItem: matchItem,
        GroupItem: groupItem,
        Error: error,
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
      '/needs/{id}/matches': {
        get: {
          summary: 'Matches of a need',
          description:
            'Experts, research results or expert groups for one of your needs, best first, each with a score, a confidence (1–5) and the reasons. Matches below minConfidence are left out and counted in `hidden`.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'kind',
              in: 'query',
              schema: { type: 'string', enum: ['experts', 'results', 'groups'], default: 'experts' },
            },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
            { name: 'minConfidence', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 5, default: 3 } },
          ],
          responses: {
            '200': {
              description: 'Ranked matches',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      need: {
                        type: 'object',
                        properties: {
                          id: { type: 'string' },
                          externalId: { type: ['string', 'null'] },
                          title: { type: 'string' },
                        },
                      },
                      kind: { type: 'string' },
                      terms: { type: 'array', items: { type: 'string' }, description: 'Key terms taken from the need' },
                      hidden: { type: 'integer' },
                      matches: {
                        type: 'array',
                        items: {
                          oneOf: [
                            { $ref: '#/components/schemas/MatchItem' },
                            { $ref: '#/components/schemas/GroupItem' },
                          ],
                        },
                      },
                    },
                  },
                },
              },
            },
            '400': {
              description: 'Invalid query parameters',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
            '401': {
              description: 'Missing, unknown or revoked token',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
            '404': {
              description: 'No such need, or not yours',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
            '429': {
              description: 'Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
      ...listingPaths(needsResource, 'Need'),
      ...listingPaths(resultsResource, 'Result'),
      ...listingPaths(expertsResource, 'Expert'),
    },
  }
}
