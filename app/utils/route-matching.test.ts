import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { matchRoutes, resolvePath } from '@remix-run/router'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { Link, Outlet } from 'react-router-dom'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'

/**
 * scripts/patches/@remix-run+router+*.patch memoizes the route table's ranking, each path's
 * compiled pattern and which branch a path matched (ADR 010). These tests fail if the patch is not applied after an install, and
 * check that matching stays right when the same table answers many different paths.
 */
describe('route matching with the memoized router', () => {
  it('is patched in the installed package (CommonJS and ESM builds)', () => {
    const require = createRequire(import.meta.url)
    const main = require.resolve('@remix-run/router')
    for (const file of [main, main.replace(/router\.cjs\.js$/, 'router.js')]) {
      const source = readFileSync(file, 'utf8')
      expect(source, file).toContain('rankedBranchesCache')
      expect(source, file).toContain('compiledPathCache')
      expect(source, file).toContain('matchedBranchCache')
      expect(source, file).toContain('without a "." or ".." segment')
    }
  })

  it('renders from route objects made once per build (Remix and React Router patched too)', () => {
    const require = createRequire(import.meta.url)
    const files: Array<[string, string]> = [
      ['@remix-run/react/dist/server.js', 'cachedServerRoutes'],
      ['@remix-run/react/dist/esm/server.js', 'cachedServerRoutes'],
      ['react-router-dom/server.js', 'staticDataRoutesCache'],
      ['react-router-dom/server.mjs', 'staticDataRoutesCache'],
      ['@remix-run/server-runtime/dist/entry.js', 'entryRouteModulesCache'],
      ['@remix-run/server-runtime/dist/esm/entry.js', 'entryRouteModulesCache'],
      ['react-router/dist/umd/react-router.production.min.js', 'resolveToMatchesCache'],
      ['react-router/dist/umd/react-router.development.js', 'resolveToMatchesCache'],
    ]
    for (const [file, marker] of files) expect(readFileSync(require.resolve(file), 'utf8'), file).toContain(marker)
  })

  it('matches each path to the right route, whatever was matched before', () => {
    const routes = [
      {
        id: 'root',
        path: '/',
        children: [
          { id: 'home', index: true },
          { id: 'call', path: 'calls/:id' },
          { id: 'bundleNew', path: 'calls/bundles/new' },
          { id: 'bundle', path: 'calls/bundles/:id' },
          { id: 'search', path: 'search/:kind' },
          { id: 'Search', path: 'SEARCH/exact', caseSensitive: true },
          { id: 'splat', path: 'files/*' },
        ],
      },
    ]
    const leaf = (path: string) => matchRoutes(routes, path)?.at(-1)
    for (let round = 0; round < 3; round++) {
      expect(leaf('/')?.route.id).toBe('home')
      expect(leaf('/calls/abc')).toMatchObject({ route: { id: 'call' }, params: { id: 'abc' } })
      expect(leaf('/calls/bundles/new')?.route.id).toBe('bundleNew')
      expect(leaf('/calls/bundles/b1')).toMatchObject({ route: { id: 'bundle' }, params: { id: 'b1' } })
      expect(leaf('/search/experts')?.params.kind).toBe('experts')
      expect(leaf('/SEARCH/exact')?.route.id).toBe('Search')
      expect(leaf('/search/EXACT')?.route.id).toBe('search')
      expect(leaf('/files/a/b')?.params['*']).toBe('a/b')
      expect(leaf('/nowhere/at/all')).toBeUndefined()
      // A path too long to remember is matched all the same.
      const long = `/files/${'x'.repeat(300)}`
      expect(leaf(long)?.params['*']).toBe('x'.repeat(300))
      // The branch is remembered, the matches are not: each call gets objects of its own.
      expect(leaf('/calls/abc')).not.toBe(leaf('/calls/abc'))
      expect(leaf('/calls/abc')?.params).not.toBe(leaf('/calls/abc')?.params)
    }
    // Another table is ranked on its own.
    expect(matchRoutes([{ id: 'other', path: '/calls/:id' }], '/calls/x')?.[0].route.id).toBe('other')
  })

  it('resolves every link against its own route, render after render', async () => {
    const routes = [
      {
        path: '/',
        element: h('div', null, h(Link, { to: 'calls' }, 'calls'), h(Outlet)),
        children: [
          {
            path: 'calls/:id',
            element: h(
              'p',
              null,
              h(Link, { to: 'edit' }, 'edit'),
              h(Link, { to: '..' }, 'up'),
              h(Link, { to: '/results/r1' }, 'result'),
            ),
          },
        ],
      },
    ]
    const handler = createStaticHandler(routes)
    for (const id of ['c1', 'c2', 'c1']) {
      const context = await handler.query(new Request(`http://local.test/calls/${id}`))
      if (context instanceof Response) throw context
      const router = createStaticRouter(handler.dataRoutes, context)
      const hrefs = [...renderToString(h(StaticRouterProvider, { router, context })).matchAll(/href="([^"]+)"/g)]
      expect(hrefs.map((m) => m[1])).toEqual(['/calls', `/calls/${id}/edit`, '/', '/results/r1'])
    }
  })
  it('resolves paths as the unpatched segment walk does, dotted or not', () => {
    // The router's own walk before the patch's shortcut for paths without dots.
    const walk = (relative: string, from: string) => {
      const segments = from.replace(/\/+$/, '').split('/')
      for (const segment of relative.split('/')) {
        if (segment === '..') {
          if (segments.length > 1) segments.pop()
        } else if (segment !== '.') segments.push(segment)
      }
      return segments.length > 1 ? segments.join('/') : '/'
    }
    const targets = ['a', 'a/b', 'a/', 'results/r-1', '/', '/x/y', '/x/y/', '/搜索/结果', 'x.txt', './a', '../a']
    targets.push('a/../b', '..', '.', '/a/./b', '/a/../../b', '?page=2', 'a?x=1#h', '/needs/n-1?tab=leads')
    for (const to of targets) {
      for (const from of ['/', '', '/p', '/p/', '/p/q', '/p//', 'p', '/search/results']) {
        const pathname = to.split(/[?#]/)[0]
        const expected = !pathname
          ? from
          : pathname.startsWith('/')
            ? walk(pathname.slice(1), '/')
            : walk(pathname, from)
        expect(resolvePath(to, from).pathname, `${to} from ${from}`).toBe(expected)
      }
    }
  })
})
