import { createApiClient } from '~/api-client'
import { checkConformance } from './openapi-conformance'

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>
interface RouteModule {
  loader?: Handler
  action?: Handler
}

/** The /api/v1 route modules by their file names, as Remix's flat routes map them to paths. */
const modules = import.meta.glob<RouteModule>('../../app/routes/api.v1.*.ts', { eager: true })

const routes = Object.entries(modules).map(([file, module]) => {
  const name = file.replace(/^.*\/api\.v1\./, '').replace(/\.ts$/, '')
  const names: string[] = []
  const pattern = name
    .replace('[.]', '\u0000')
    .split('.')
    .map((segment) => {
      if (!segment.startsWith('$')) return segment.replace('\u0000', '\\.')
      names.push(segment.slice(1))
      return '([^/]+)'
    })
    .join('/')
  return { regex: new RegExp(`^/api/v1/${pattern}$`), names, module }
})

/**
 * Answers a request with the route module Remix would call for it (loader for GET, action for
 * the rest), without a server: what the typed client's `fetch` goes through in tests.
 */
export async function dispatch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  for (const route of routes) {
    const match = route.regex.exec(pathname)
    if (!match) continue
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]))
    const handler = request.method === 'GET' ? route.module.loader : route.module.action
    if (!handler) return new Response(null, { status: 405 })
    let response: Response
    try {
      response = await handler({ request, params, context: {} })
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown
      response = thrown
    }
    await checkConformance(request, response)
    return response
  }
  return new Response(null, { status: 404 })
}

/** The generated API client, talking to the route modules in this process. */
export const testClient = (token: string) => createApiClient({ baseUrl: 'http://test.local', token, fetch: dispatch })
