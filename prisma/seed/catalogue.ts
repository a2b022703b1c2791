import entries from './catalogue.json'

/**
 * Real research results, paraphrased from public pages (each entry keeps its source), grouped by
 * the demo's field codes (the data: catalogue.json). The demo seed draws its results' titles and
 * abstracts from here.
 */
export interface CatalogueEntry {
  field: string
  title: string
  abstract: string
  keywords: string[]
  trl: number
  source: { url: string; title: string }
}

export const RESULT_CATALOGUE: CatalogueEntry[] = entries
