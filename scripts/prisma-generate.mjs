// `prisma generate` needs no engine binary, but the CLI downloads one unless told where it is;
// the network here has no route to Prisma's binary host, so any existing file will do.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const packageJson = fileURLToPath(new URL('../package.json', import.meta.url))
execFileSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: packageJson,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
})
