import { z } from 'zod'
import type { ApiScope } from '~/validation/api-tokens'
import { listQueryOf, type PagedRow, type ReadResource } from './paging.server'
import type { ListingResource } from './resource.server'

/** Pieces of the OpenAPI document, generated from the zod schemas the routes validate with. */

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema: what the routes validate with. */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output') {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return json
}

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  message: z.string().describe('In Chinese'),
  messageEn: z.string().describe('In English'),
  errors: z.record(z.string(), z.object({ message: z.string(), messageEn: z.string() })).optional(),
})

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})
export const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'For 24 hours, a retry with the same key returns the first answer instead of acting twice.',
  schema: { type: 'string', maxLength: 200 },
}
const auth = {
  '401': problem('Missing, unknown, revoked or expired token'),
  '403': problem('The token lacks the scope'),
  '429': problem('Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After'),
}
/** What any write can answer besides its own refusals: the body, the idempotency key. */
const writing = (conflict = '') => ({
  '400': problem('The body is not a JSON object, or the Idempotency-Key is malformed'),
  '409': problem(
    [conflict, 'The same request under this Idempotency-Key is still being processed'].filter(Boolean).join('; or '),
  ),
  '422': problem('Invalid fields, or an Idempotency-Key used for another request'),
})

const json = (schema: object) => ({ 'application/json': { schema } })
const pageOf = (item: object) => ({
  type: 'object',
  required: ['data', 'nextCursor'],
  properties: { data: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] } },
})

/** A listing resource's paths: list (cursor, `updatedSince`, filters), create, read, update, status. */
export function listingPaths<R extends { id: string; organizationId: string; status: string; updatedAt: Date }, V>(
  resource: ListingResource<R, V>,
  schemaName: string,
) {
  const ref = { $ref: `#/components/schemas/${schemaName}` }
  const input = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}Input` } } } }
  const one = (description: string) => ({ description, content: { 'application/json': { schema: ref } } })
  const names = resource.names.en.toLowerCase()
  return {
    [`/${resource.segment}`]: {
      get: {
        summary: `List ${resource.segment}`,
        description: 'Oldest change first; follow `nextCursor`. A row changed again is listed again.',
        'x-scope': resource.readScope,
        parameters: queryParameters(listQueryOf(resource.filters)),
        responses: {
          '200': { description: 'One page', content: json(pageOf(ref)) },
          '400': problem('Invalid query'),
          ...auth,
        },
      },
      post: {
        summary: `Create a ${names}`,
        'x-scope': resource.writeScope,
        parameters: [idempotencyKey],
        requestBody: input,
        responses: { '201': one('Created'), ...writing(), ...auth },
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
        responses: { '200': one('Changed'), '404': problem('No such record'), ...writing(), ...auth },
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
          ...writing('The status does not allow it'),
          ...auth,
        },
      },
    },
  }
}

/** The query parameters of a zod object, one per property. */
export function queryParameters(schema: z.ZodObject) {
  const query = schemaOf(schema, 'input') as { properties: Record<string, object> }
  return Object.entries(query.properties).map(([name, s]) => ({ name, in: 'query', schema: s }))
}

/** `GET {path}` (list, oldest change first) and `GET {path}/{id}` of a readable resource. */
export function readPaths<R extends PagedRow, V>(resource: ReadResource<R, V>, view: z.ZodType) {
  const item = schemaOf(view)
  const names = resource.names.en.toLowerCase()
  return {
    [resource.path]: {
      get: {
        summary: `List ${names}s`,
        description: 'Oldest change first; follow `nextCursor`. A row changed again is listed again.',
        'x-scope': resource.readScope,
        parameters: queryParameters(listQueryOf(resource.filters)),
        responses: {
          '200': { description: 'One page', content: json(pageOf(item)) },
          '400': problem('Invalid query'),
          ...auth,
        },
      },
    },
    [`${resource.path}/{id}`]: {
      get: {
        summary: `Read a ${names}`,
        'x-scope': resource.readScope,
        parameters: [idParameter],
        responses: {
          '200': { description: resource.names.en, content: json(item) },
          '404': problem('No such record, or not yours'),
          ...auth,
        },
      },
    },
  }
}

/** A POST operation: its body and answer from zod schemas, idempotent under a key. */
export function postOperation(spec: {
  summary: string
  description?: string
  scope: ApiScope
  withId?: boolean
  body: z.ZodType
  response: z.ZodType
  created?: boolean
  /** Why the operation itself may answer 409 (besides a request still running under its key). */
  conflict?: string
  refusals?: Record<string, string>
}) {
  return {
    post: {
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      'x-scope': spec.scope,
      parameters: spec.withId ? [idParameter, idempotencyKey] : [idempotencyKey],
      requestBody: { content: json(schemaOf(spec.body, 'input')) },
      responses: {
        [spec.created ? '201' : '200']: {
          description: spec.created ? 'Created' : 'Done',
          content: json(schemaOf(spec.response)),
        },
        ...(spec.withId ? { '404': problem('No such record, or not yours') } : {}),
        ...writing(spec.conflict),
        ...auth,
        ...Object.fromEntries(Object.entries(spec.refusals ?? {}).map(([status, text]) => [status, problem(text)])),
      },
    },
  }
}

/** A GET operation with query parameters and a zod-described answer. */
export function getOperation(spec: {
  summary: string
  description?: string
  scope: string
  path: Array<{ name: string; schema: object }>
  query: z.ZodObject
  response: z.ZodType
}) {
  return {
    get: {
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      'x-scope': spec.scope,
      parameters: [
        ...spec.path.map((p) => ({ name: p.name, in: 'path', required: true, schema: p.schema })),
        ...queryParameters(spec.query),
      ],
      responses: {
        '200': { description: 'Found', content: json(schemaOf(spec.response)) },
        '400': problem('Invalid query'),
        '404': problem('No such record, or not yours'),
        ...auth,
      },
    },
  }
}
