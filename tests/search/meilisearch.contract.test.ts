import { describe, it } from 'vitest'
import { MeilisearchEngine } from '#search'
import { searchEngineContract } from './contract'

/**
 * Runs only against a real Meilisearch (MEILI_HOST, and MEILI_API_KEY if it needs one). No
 * Meilisearch server can run on our CI machines; see README "What was tested against real services".
 */
const host = process.env.MEILI_HOST
if (host) {
  searchEngineContract(
    'meilisearch',
    async () => new MeilisearchEngine(host, process.env.MEILI_API_KEY, `contract_${Date.now()}_`),
  )
} else {
  describe('search engine contract: meilisearch', () => {
    it.skip('needs MEILI_HOST', () => {})
  })
}
