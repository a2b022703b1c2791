import openapiTS, { astToString } from 'openapi-typescript'
import type { OpenAPI3 } from 'openapi-typescript'
import { openApiDocument } from '~/api/openapi.server'

export const SCHEMA_FILE = 'app/api-client/schema.ts'

const HEADER = `/**
 * Types of /api/v1, generated from the OpenAPI document (app/api/openapi.server.ts) by
 * \`npm run api:client\`. Do not edit: a test fails when this file and the document disagree.
 */
`

/** The TypeScript types of the API, as openapi-typescript renders the current document. */
export async function generateSchemaTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as OpenAPI3, { alphabetize: true })
  return HEADER + astToString(ast)
}
