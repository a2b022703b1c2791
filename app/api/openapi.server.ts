import { z } from 'zod'
import { NeedFormSchema } from '~/validation/needs'
import { NeedListQuerySchema, NeedTransitionSchema, NeedViewSchema } from './needs.server'

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
const needJson = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Need' } } },
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

/** The needs resource: list (cursor, `updatedSince`, filters), create, read, update, status. */
function needPaths() {
  const query = schemaOf(NeedListQuerySchema, 'input') as { properties: Record<string, object> }
  return {
    '/needs': {
      get: {
        summary: 'List needs',
        description: 'Oldest change first; follow `nextCursor`. A need changed again is listed again.',
        'x-scope': 'needs:read',
        parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: 'query', schema })),
        responses: {
          '200': {
            description: 'One page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'array', items: { $ref: '#/components/schemas/Need' } },
                    nextCursor: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
          '400': problem('Invalid query'),
          ...auth,
        },
      },
      post: {
        summary: 'Create a need',
        'x-scope': 'needs:write',
        parameters: [idempotencyKey],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NeedInput' } } } },
        responses: { '201': needJson('Created'), '422': problem('Invalid fields'), ...auth },
      },
    },
    '/needs/{id}': {
      get: {
        summary: 'Read a need',
        'x-scope': 'needs:read',
        parameters: [idParameter],
        responses: { '200': needJson('The need'), '404': problem('No such need, or not yours'), ...auth },
      },
      patch: {
        summary: 'Change fields of a need',
        'x-scope': 'needs:write',
        parameters: [idParameter],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NeedInput' } } } },
        responses: {
          '200': needJson('Changed'),
          '404': problem('No such need'),
          '422': problem('Invalid fields'),
          ...auth,
        },
      },
    },
    '/needs/{id}/status': {
      post: {
        summary: 'Publish, close or reopen a need',
        'x-scope': 'needs:write',
        parameters: [idParameter, idempotencyKey],
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NeedTransition' } } },
        },
        responses: {
          '200': needJson('Changed'),
          '404': problem('No such need'),
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
        'Needs and their ranked matches. Authenticate with a bearer token issued on /settings/api-tokens by an organization admin or bureau staff; each token carries scopes (needs:read, needs:write, results:read, results:write) and may expire. Errors are RFC 9457 problem details with Chinese and English messages. Every POST honours an Idempotency-Key header.',
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
        NeedTransition: schemaOf(NeedTransitionSchema, 'input'),
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
              description: 'Rate limit (120 requests a minute per token)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
      ...needPaths(),
    },
  }
}
