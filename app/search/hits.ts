import type { ExpertDocument, IndexName, NeedDocument, ResultDocument, SearchDocument } from '#search'

/**
 * A search hit as the results page shows it: the fields it renders and nothing else (a document
 * carries its visibility, facets and both the plain and the highlighted text, which made up most
 * of a results page's bytes). A text field holds the highlighted text when the engine marked the
 * query's words in it, else the plain text.
 */
export type ResultHitView = Pick<
  ResultDocument,
  'id' | 'title' | 'abstract' | 'institution' | 'organizationId' | 'stage' | 'trl' | 'transferModes' | 'keywords'
>
export type ExpertHitView = Pick<ExpertDocument, 'id' | 'name' | 'title' | 'institution' | 'organizationId' | 'bio'> & {
  directions: string
}
export type NeedHitView = Pick<NeedDocument, 'id' | 'title' | 'summary' | 'enterprise' | 'cooperationModes'>

export type HitView =
  | { kind: 'results'; hit: ResultHitView }
  | { kind: 'experts'; hit: ExpertHitView }
  | { kind: 'needs'; hit: NeedHitView }

export function hitView(index: IndexName, document: SearchDocument, highlights: Record<string, string>): HitView {
  const marked = (field: string, plain: string) => highlights[field] ?? plain
  if (index === 'results') {
    const d = document as ResultDocument
    return {
      kind: 'results',
      hit: {
        id: d.id,
        title: marked('title', d.title),
        abstract: marked('abstract', d.abstract),
        institution: d.institution,
        organizationId: d.organizationId,
        stage: d.stage,
        trl: d.trl,
        transferModes: d.transferModes,
        keywords: d.keywords,
      },
    }
  }
  if (index === 'experts') {
    const d = document as ExpertDocument
    return {
      kind: 'experts',
      hit: {
        id: d.id,
        name: marked('name', d.name),
        title: d.title,
        institution: d.institution,
        organizationId: d.organizationId,
        directions: marked('directions', d.directions.join(' ')),
        bio: d.bio ? marked('bio', d.bio) : '',
      },
    }
  }
  const d = document as NeedDocument
  return {
    kind: 'needs',
    hit: {
      id: d.id,
      title: marked('title', d.title),
      summary: marked('summary', d.summary),
      enterprise: d.enterprise,
      cooperationModes: d.cooperationModes,
    },
  }
}
