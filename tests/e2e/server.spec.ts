import { spawn } from 'node:child_process'
import net from 'node:net'
import { expect, test } from '@playwright/test'
import pg from 'pg'
import { bodyLimit } from '../../scripts/server-guards.mjs'

/**
 * The production server (scripts/server.mjs) at the HTTP boundary: security headers, requests
 * refused before their body is read, the client address not taken from X-Forwarded-For, and a
 * graceful shutdown that finishes the request in flight.
 */

test('documents carry a CSP whose nonce is on every inline script, and the usual headers', async ({ request }) => {
  const response = await request.get('/')
  const headers = response.headers()
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('same-origin')
  expect(headers['x-frame-options']).toBe('DENY')
  const csp = headers['content-security-policy']
  expect(csp).toContain("frame-ancestors 'none'")
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(nonce).toBeTruthy()
  const scripts = (await response.text()).match(/<script[^>]*>/g) ?? []
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
})

test('refuses oversized, empty, mistyped and cross-origin posts with the right status', async ({ request }) => {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' }
  expect((await request.post('/login', { headers: form, data: 'x='.padEnd(2 * 1024 * 1024, 'a') })).status()).toBe(413)
  expect(
    (await request.post('/login', { headers: { 'Content-Type': 'application/xml' }, data: '<a/>' })).status(),
  ).toBe(415)
  expect((await request.post('/login', { headers: { ...form, 'Content-Length': '0' }, data: '' })).status()).toBe(400)
  expect(
    (await request.post('/login', { headers: { ...form, Origin: 'https://evil.example' }, data: 'a=b' })).status(),
  ).toBe(403)
  // An upload may be larger than a form, also as the browser posts it (`<path>.data`, single fetch).
  // (import.spec.ts uploads 2.5 MB as a signed-in office's browser does.)
  const big = await request.post('/office/import', {
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    data: '--x--'.padEnd(2 * 1024 * 1024, ' '),
  })
  expect(big.status()).not.toBe(413)
  // Beyond 8 MB the server answers 413 and cuts the connection, so the limits are read directly.
  const MB = 1024 * 1024
  expect(
    Object.fromEntries(
      [
        '/office/import.data',
        '/bureau/import/b1.data',
        '/settings/organization.data',
        '/calls/c1.data',
        '/login.data',
      ].map((path) => [path, bodyLimit(path) / MB]),
    ),
  ).toEqual({
    '/office/import.data': 31,
    '/bureau/import/b1.data': 31,
    '/settings/organization.data': 31,
    '/calls/c1.data': 11,
    '/login.data': 1,
  })
})

test('sign-in throttling is not escaped by sending another X-Forwarded-For each time', async ({ request }) => {
  const page = await request.get('/login')
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const statuses: number[] = []
  for (let i = 0; i < 11; i++) {
    const response = await request.post('/login', {
      headers: { 'X-Forwarded-For': `203.0.113.${i}`, 'X-Client-Address': `198.51.100.${i}` },
      form: { csrf, email: 'spoof-target@example.cn', password: 'WrongPassw0rd' },
    })
    statuses.push(response.status())
  }
  expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true)
  expect(statuses[10]).toBe(429)
})

for (const [signal, port] of [
  ['SIGTERM', 3102],
  ['SIGINT', 3103],
] as const)
  test(`on ${signal} it stops accepting, finishes the request in flight and exits 0`, async () => {
    test.setTimeout(180_000)
    const server = spawn('node', ['scripts/server.mjs'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: '',
        EMBEDDED_DATA_DIR: `.data/e2e-shutdown-${signal}`,
        SEED_DEMO_DATA: '0',
        SHUTDOWN_GRACE_SECONDS: '10',
      },
      stdio: 'ignore',
    })
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))
    await expect
      .poll(async () => (await fetch(`http://localhost:${port}/healthz`).catch(() => null))?.status ?? 0, {
        timeout: 150_000,
        intervals: [500],
      })
      .toBe(200)

    // A request whose body is still arriving when the signal comes.
    const socket = net.connect(port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    let reply = ''
    socket.on('data', (chunk) => (reply += chunk.toString()))
    const body = 'email=a%40b.cn&password=x'
    socket.write(
      `POST /login HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    server.kill(signal)
    await new Promise((resolve) => setTimeout(resolve, 500))
    // No new connections once stopping.
    await expect(fetch(`http://localhost:${port}/healthz`)).rejects.toThrow()
    // The rest of the body, then wait for the answer (as browsers do: they do not half-close the
    // connection while waiting, which Node's server would take for the client going away).
    socket.write(body.slice(5))
    await new Promise((resolve) => socket.once('close', resolve))
    // The request was answered (without a CSRF token: 403), not cut off.
    expect(reply).toMatch(/^HTTP\/1\.1 403/)
    // Exit code 0: it finished within the grace period (1 would mean requests were cut off).
    expect(await exited).toBe(0)
  })

test('when PostgreSQL goes away and comes back, the server recovers without a restart', async () => {
  test.setTimeout(180_000)
  const admin = 'postgresql://postgres@127.0.0.1:5432/postgres'
  const name = `baodi_e2e_fault_${process.pid}`
  const setup = new pg.Client({ connectionString: admin })
  await setup.connect()
  await setup.query(`DROP DATABASE IF EXISTS ${name}`)
  await setup.query(`CREATE DATABASE ${name}`)
  // A TCP proxy in front of PostgreSQL: cutting it is, for the app, the database restarting.
  const sockets = new Set<net.Socket>()
  let proxy = net.createServer()
  const proxyPort = await new Promise<number>((resolve) => {
    proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as net.AddressInfo).port))
  })
  const serve = (server: net.Server) =>
    server.on('connection', (client) => {
      const upstream = net.connect(5432, '127.0.0.1')
      for (const s of [client, upstream]) {
        sockets.add(s)
        s.on('close', () => sockets.delete(s))
        s.on('error', () => s.destroy())
      }
      client.pipe(upstream).pipe(client)
    })
  serve(proxy)
  const port = 3105
  const server = spawn('node', ['scripts/server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${proxyPort}/${name}`,
      SESSION_SECRET: 'fault-test-session-secret-0123456789abcdef',
      SEED_DEMO_DATA: '0',
    },
    stdio: 'ignore',
  })
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))
  const status = async (path: string) => (await fetch(`http://localhost:${port}${path}`).catch(() => null))?.status ?? 0
  try {
    await expect.poll(() => status('/healthz'), { timeout: 150_000, intervals: [500] }).toBe(200)
    expect(await status('/search/results?q=%E8%86%9C')).toBe(200)

    // The database goes away: every connection is cut and new ones are refused.
    const closed = new Promise<void>((resolve) => proxy.close(() => resolve()))
    for (const s of sockets) s.destroy()
    await closed
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await status('/healthz')).toBe(503)
    // It comes back on the same address.
    proxy = net.createServer()
    serve(proxy)
    await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', () => resolve()))
    await expect.poll(() => status('/healthz'), { timeout: 30_000, intervals: [250] }).toBe(200)
    // The same process (no restart), and no request after recovery fails.
    expect(server.exitCode).toBeNull()
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => status(i % 2 ? '/' : '/search/results?q=%E8%86%9C')),
    )
    expect(answers.every((s) => s === 200)).toBe(true)
  } finally {
    server.kill('SIGTERM')
    await exited
    proxy.close()
    for (const s of sockets) s.destroy()
    await setup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await setup.end()
  }
})
