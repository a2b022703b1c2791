import type { ImportKindName } from '../columns'
import { contracts } from './contracts.server'
import { experts } from './experts.server'
import { needs } from './needs.server'
import { organizations } from './organizations.server'
import { results } from './results.server'
import type { ImportKindModule } from './shared'

const KINDS: { [K in ImportKindName]: ImportKindModule<K> } = { organizations, experts, results, needs, contracts }

/**
 * The module of a kind, for rows its own schema has parsed. The pipeline holds rows of whichever
 * kind it was given, so this is the one place where a row is trusted to be of that kind.
 */
export const kindModule = (kind: ImportKindName) => KINDS[kind] as unknown as ImportKindModule<ImportKindName>
