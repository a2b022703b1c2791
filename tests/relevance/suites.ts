import { readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The relevance suites. `real`: needs, results and experts collected apart from real public
 * postings (each with its source address), graded 0/1/2 by reading with a reason per judgment.
 * `written`: the first set, whose needs and results were written together and share their words;
 * kept to see that nothing regresses, but it flatters any matcher.
 */
export type SuiteName = 'real' | 'written'
export const SUITES: SuiteName[] = ['real', 'written']

export type Grade = 0 | 1 | 2
export interface Judgments {
  [needId: string]: { results: Record<string, Grade>; experts: Record<string, Grade> }
}

export interface SuiteData {
  needs: Array<Record<string, unknown>>
  results: Array<Record<string, unknown>>
  experts: Array<Record<string, unknown>>
  judgments: Judgments
}

const here = import.meta.dirname

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

interface RealNeed {
  id: string
  title: string
  description: string
  enterprise: string
  field: string | null
  source: { url: string }
}
interface RealResult {
  id: string
  title: string
  abstract: string
  institution: string
  field: string | null
  maturity: string | null
  source: { url: string }
}
interface RealExpert {
  id: string
  name: string
  institution: string
  title: string | null
  directions: string[]
  bio: string
  field: string | null
  source: { url: string }
}
/** Real judgments carry the reason: `[grade, "one line why"]`. */
type RealJudgments = Record<
  string,
  { results: Record<string, [Grade, string]>; experts: Record<string, [Grade, string]> }
>

const gradesOf = (entries: Record<string, [Grade, string]> = {}) =>
  Object.fromEntries(Object.entries(entries).map(([id, [grade]]) => [id, grade]))

/**
 * The real set goes in as an office or a bureau would import it: the source's text, no keywords
 * added, no field invented (a department name that is no field of ours is simply not resolved).
 */
export async function loadSuite(name: SuiteName): Promise<SuiteData> {
  if (name === 'written') {
    const dir = path.join(here, 'written')
    return {
      needs: await json(path.join(dir, 'needs.json')),
      results: await json(path.join(dir, 'results.json')),
      experts: await json(path.join(dir, 'experts.json')),
      judgments: await json(path.join(dir, 'judgments.json')),
    }
  }
  const dir = path.join(here, 'real')
  const needs = await json<RealNeed[]>(path.join(dir, 'needs.raw.json'))
  const results = await json<RealResult[]>(path.join(dir, 'results.raw.json'))
  const experts = await json<RealExpert[]>(path.join(dir, 'experts.raw.json'))
  const judged = await json<RealJudgments>(path.join(dir, 'judgments.json'))
  return {
    needs: needs.map((n) => ({
      externalId: n.id,
      title: n.title.slice(0, 120),
      description: n.description,
      enterprise: n.enterprise,
      field: n.field ?? '',
    })),
    results: results.map((r) => ({
      externalId: r.id,
      title: r.title.slice(0, 120),
      abstract: r.abstract || r.title,
      institution: r.institution,
      field: r.field ?? '',
      maturity: r.maturity ?? '',
    })),
    experts: experts.map((e) => ({
      externalId: e.id,
      name: e.name,
      institution: e.institution,
      title: e.title ?? '',
      directions: e.directions,
      bio: e.bio,
      field: e.field ?? '',
    })),
    judgments: Object.fromEntries(
      Object.entries(judged).map(([need, j]) => [need, { results: gradesOf(j.results), experts: gradesOf(j.experts) }]),
    ),
  }
}
