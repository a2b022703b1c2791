import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { openApiDocument } from '~/api/openapi.server'

/**
 * Checks an /api/v1 answer against the OpenAPI document: the operation must be documented, the
 * status listed among its responses, and a JSON body valid under that response's schema. The test
 * client runs every answer through it, so a route and its document cannot drift apart unnoticed.
 */

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>
}
type Methods = Record<string, Operation>

const document = openApiDocument()
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)

const templates = Object.entries(document.paths as Record<string, Methods>).map(([template, methods]) => ({
  template,
  regex: new RegExp(`^/api/v1${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  methods,
}))

const compiled = new Map<string, ValidateFunction>()
function validatorFor(key: string, schema: object) {
  let validate = compiled.get(key)
  if (!validate) {
    // `#/components/...` references resolve against the document's components, carried along.
    validate = ajv.compile({ ...schema, components: document.components })
    compiled.set(key, validate)
  }
  return validate
}

export async function checkConformance(request: Request, response: Response) {
  const { pathname } = new URL(request.url)
  const method = request.method.toLowerCase()
  const found = templates.find((t) => t.regex.test(pathname) && t.methods[method])
  const where = `${request.method} ${pathname} → ${response.status}`
  if (!found) throw new Error(`${where}: the OpenAPI document has no such operation`)
  const documented = found.methods[method].responses[String(response.status)]
  if (!documented) throw new Error(`${where}: status not documented for ${found.template}`)
  const contentType = response.headers.get('Content-Type')?.split(';')[0] ?? ''
  const media = documented.content?.[contentType]
  if (!documented.content) return
  if (!media)
    throw new Error(`${where}: documented as ${Object.keys(documented.content).join(', ')}, got ${contentType}`)
  const validate = validatorFor(`${method} ${found.template} ${response.status} ${contentType}`, media.schema)
  const body: unknown = await response.clone().json()
  if (!validate(body)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')
    throw new Error(`${where}: the body disagrees with the document: ${problems}`)
  }
}
