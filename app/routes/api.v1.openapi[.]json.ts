/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 description. Public: it contains no data. */
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

export function loader() {
  const document = {
    openapi: '3.1.0',
    info: {
      title: '宝坻区科技成果转化对接平台 API',
      version: '1.0.0',
      description:
        'Read the ranked matches of your organization’s technical needs. Authenticate with a bearer token issued on /settings/api-tokens by an organization admin or bureau staff.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token beginning with bdt_' } },
      schemas: { MatchItem: matchItem, GroupItem: groupItem, Error: error },
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
    },
  }
  return Response.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } })
}
