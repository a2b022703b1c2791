import { writeFileSync } from 'node:fs'
import { generateSchemaTypes, SCHEMA_FILE } from '~/api-client/generate'

/** Regenerates the API client's types from the OpenAPI document. */
writeFileSync(SCHEMA_FILE, await generateSchemaTypes())
console.log(`wrote ${SCHEMA_FILE}`)
process.exit(0)
