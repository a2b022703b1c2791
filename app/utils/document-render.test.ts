import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Writable } from 'node:stream'
import { createElement as h, Suspense, type ReactElement } from 'react'
import type * as ReactDomServer from 'react-dom/server'
import { describe, expect, it } from 'vitest'

type Renderers = typeof ReactDomServer

/**
 * scripts/patches/react-dom+*.patch makes React's production stream renderer keep each flush's
 * text as one string and encode it once when the flush completes, instead of encoding every small
 * chunk into 2 KB byte views (ADR 010, item 6). These tests load that production build directly
 * (tests otherwise run React's development build) and check that what it sends is byte for byte
 * what React's string renderer produces, for text the old chunking treated specially, and that
 * the pending text of one render never reaches another's destination.
 */
const require = createRequire(import.meta.url)
// The package's exports map hides its builds; they sit beside its package.json.
const cjs = path.join(path.dirname(require.resolve('react-dom/package.json')), 'cjs')
const streamFile = path.join(cjs, 'react-dom-server.node.production.min.js')
const stream = require(streamFile) as Renderers
const legacy = require(path.join(cjs, 'react-dom-server-legacy.node.production.min.js')) as Renderers

/** Renders through renderToPipeableStream as entry.server does: once everything is ready. */
function renderPiped(element: ReactElement): Promise<{ html: string; writes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done()
      },
    })
    sink.on('finish', () => resolve({ html: Buffer.concat(chunks).toString('utf8'), writes: chunks.length }))
    const { pipe } = stream.renderToPipeableStream(element, {
      onAllReady: () => pipe(sink),
      onShellError: reject,
    })
  })
}

function page(): ReactElement {
  const long = '宝坻区科技成果转化对接平台，企业技术需求与京津冀高校科技成果精准匹配。'.repeat(120)
  return h(
    'main',
    { title: 'a "quoted" <attribute> & more', 'data-field': '新材料' },
    h('h1', null, '锂电池 · Li-ion 🔋 battery'),
    h('p', null, long),
    h('p', null, 'x'.repeat(700), '中'.repeat(683), '🔋'.repeat(400)),
    h(
      'ul',
      null,
      Array.from({ length: 300 }, (_, i) =>
        h('li', { key: i, className: i % 2 ? 'odd' : undefined }, `第${i}项`, ' ', i),
      ),
    ),
    h('script', { dangerouslySetInnerHTML: { __html: 'window.x = "</p>";' } }),
  )
}

describe('the patched React stream renderer', () => {
  it('is patched in the installed package', () => {
    expect(readFileSync(streamFile, 'utf8')).toContain('pendingText$')
  })

  it('sends exactly what the string renderer produces, multi-byte text and long chunks included', async () => {
    const { html, writes } = await renderPiped(page())
    expect(html).toBe(legacy.renderToString(page()))
    // One flush, one write: the text was encoded once.
    expect(writes).toBe(1)
  })

  it("never hands one render's text to the next, even when a destination throws mid-write", async () => {
    const failing = {
      write() {
        throw new Error('socket gone')
      },
      end() {},
      destroy() {},
      on() {
        return failing
      },
    }
    await new Promise<void>((resolve) => {
      const { pipe } = stream.renderToPipeableStream(h('p', null, '甲方的合同金额 1,234,567 元'), {
        onAllReady: () => {
          try {
            pipe(failing as unknown as Writable)
          } catch {
            // React reports the failed write through onError and destroy.
          }
          resolve()
        },
        onError: () => {},
      })
    })
    const { html } = await renderPiped(h('p', null, '乙方页面'))
    expect(html).toBe('<p>乙方页面</p>')
  })

  it('still streams: content that suspends arrives in a later flush, complete and in order', async () => {
    let resolved = false
    let release: () => void = () => {}
    const ready = new Promise<void>((resolve) => (release = resolve))
    function Late(): ReactElement {
      if (!resolved) throw ready.then(() => void (resolved = true))
      return h('p', null, '稍后到达的内容 🔋')
    }
    const chunks: string[] = []
    const done = new Promise<void>((resolve, reject) => {
      const sink = new Writable({
        write(chunk: Buffer, _encoding, next) {
          chunks.push(chunk.toString('utf8'))
          next()
        },
      })
      sink.on('finish', resolve)
      const { pipe } = stream.renderToPipeableStream(
        h('div', null, h('h1', null, '首屏'), h(Suspense, { fallback: h('span', null, '加载中') }, h(Late))),
        { onShellReady: () => pipe(sink), onShellError: reject },
      )
    })
    await new Promise((r) => setTimeout(r, 10))
    expect(chunks.join('')).toContain('首屏')
    expect(chunks.join('')).toContain('加载中')
    release()
    await done
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.slice(1).join('')).toContain('稍后到达的内容 🔋')
  })
})
