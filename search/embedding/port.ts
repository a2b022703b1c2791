/**
 * The embedder port: texts in, unit-length vectors out. The default (`word-vectors.ts`) ships with
 * the app and runs offline; a sentence-embedding model is an operator's drop-in
 * (`EMBEDDING_MODEL_DIR`, `onnx.ts`). Vectors are stored per listing version in PostgreSQL, keyed
 * by `Embedder.id`, so changing the embedder recomputes them and nothing else does.
 */
export interface Embedder {
  /** Names the model and its version; stored beside every vector computed with it. */
  readonly id: string
  readonly dimensions: number
  /** One unit-length vector per text (a zero vector when the text has nothing the model knows). */
  embed(texts: string[]): Promise<Float32Array[]>
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) sum += a[i] * b[i]
  return sum
}

/** In place; a zero vector stays zero. */
export function normalize(vector: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(vector, vector))
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] /= norm
  return vector
}

/** Cosine of two unit vectors, 0 when either is empty. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a.length === 0 || b.length === 0 ? 0 : dot(a, b)
}

/**
 * A unit vector as int8 (×127): a quarter of the bytes of float32, and cosines within ~0.01.
 * Stored in PostgreSQL as bytea and kept in memory this way by the embedded engine.
 */
export function quantize(vector: ArrayLike<number>): Int8Array {
  const out = new Int8Array(vector.length)
  for (let i = 0; i < vector.length; i++) out[i] = Math.max(-127, Math.min(127, Math.round(vector[i] * 127)))
  return out
}

export function dequantize(bytes: Int8Array | Uint8Array): Float32Array {
  const signed = bytes instanceof Int8Array ? bytes : new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out = new Float32Array(signed.length)
  for (let i = 0; i < signed.length; i++) out[i] = signed[i] / 127
  return normalize(out)
}
