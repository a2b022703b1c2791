import crypto from 'node:crypto'

/**
 * Random bytes are drawn from the system's generator 4 KB at a time and each byte is handed out
 * once, as Node does for `randomUUID`: a call into the generator per token cost about 6 µs, and
 * every anonymous page needs two (its CSRF token and its CSP nonce).
 */
const POOL_SIZE = 4096
const pool = Buffer.alloc(POOL_SIZE)
let poolOffset = POOL_SIZE

export function randomToken(bytes = 32) {
  if (!Number.isInteger(bytes) || bytes <= 0) throw new RangeError(`randomToken: ${bytes} is not a byte count`)
  if (bytes > POOL_SIZE) return crypto.randomBytes(bytes).toString('base64url')
  if (poolOffset + bytes > POOL_SIZE) {
    crypto.randomFillSync(pool)
    poolOffset = 0
  }
  const token = pool.toString('base64url', poolOffset, poolOffset + bytes)
  // Handed-out bytes are cleared, so the pool holds no copy of a token already issued.
  pool.fill(0, poolOffset, poolOffset + bytes)
  poolOffset += bytes
  return token
}

export function sha256(value: string) {
  return crypto.createHash('sha256').update(value).digest('hex')
}

export function hmacSha256(secret: string, value: string) {
  return crypto.createHmac('sha256', secret).update(value).digest('base64url')
}

export function safeEqual(a: string, b: string) {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}
