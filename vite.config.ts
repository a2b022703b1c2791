import { vitePlugin as remix } from '@remix-run/dev'
import path from 'node:path'
import { defineConfig } from 'vite'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  plugins: [remix(remixConfig)],
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  server: { port: 3000 },
  build: { target: 'es2022' },
  ssr: { target: 'node' },
})
