import { EmbeddedSearchEngine } from '#search'
import { searchEngineContract } from './contract'

searchEngineContract('embedded', async () => new EmbeddedSearchEngine())
