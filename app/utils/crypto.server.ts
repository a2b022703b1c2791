import crypto from 'node:crypto'

export function randomToken(bytes = 32) {
  return crypto.randomBytes(bytes).toString('base64url')
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
