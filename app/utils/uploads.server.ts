import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'
import { getEnv } from './env.server'

const uploadDirectory = () => getEnv().UPLOAD_DIR ?? path.join(os.tmpdir(), 'baodi-uploads')
/** Text fields of a multipart form (CSRF token, a select): small. */
const FIELD_MAX_BYTES = 64 * 1024

export interface UploadedFile {
  /** The name the browser gave (shown back to the user, never used as a path). */
  name: string
  size: number
  bytes: () => Promise<Uint8Array<ArrayBuffer>>
}

export interface Upload {
  formData: FormData
  /** The file part named `field`, if one was sent and it is not empty. */
  file: (field: string) => UploadedFile | null
  /** Deletes the parts written to disk; call it once the request is answered. */
  dispose: () => Promise<void>
}

/**
 * Parses a multipart request with file parts streamed to a temporary file as they arrive (a
 * whole upload is never held in memory while the body is read). Returns null when a file is
 * larger than `maxFileBytes`; what had arrived of it is deleted.
 */
export async function parseUpload(request: Request, maxFileBytes: number): Promise<Upload | null> {
  const files = new Map<string, { name: string; path: string }>()
  const toDisk: UploadHandler = async ({ name, filename, data }) => {
    if (!filename) return undefined
    const directory = uploadDirectory()
    await mkdir(directory, { recursive: true })
    const target = path.join(directory, randomUUID())
    files.set(name, { name: filename, path: target })
    let size = 0
    await pipeline(async function* () {
      for await (const chunk of data) {
        size += chunk.byteLength
        if (size > maxFileBytes) throw new MaxPartSizeExceededError(name, maxFileBytes)
        yield chunk
      }
    }, createWriteStream(target))
    // The form keeps the field's name; the bytes stay on disk until `bytes()` is called.
    return filename
  }
  const dispose = () => Promise.all([...files.values()].map((f) => rm(f.path, { force: true }))).then(() => {})
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(toDisk, unstable_createMemoryUploadHandler({ maxPartSize: FIELD_MAX_BYTES })),
    )
  } catch (error) {
    await dispose()
    if (error instanceof MaxPartSizeExceededError) return null
    throw error
  }
  const sizes = new Map<string, number>()
  for (const [field, file] of files) sizes.set(field, (await stat(file.path)).size)
  return {
    formData,
    file(field) {
      const file = files.get(field)
      const size = sizes.get(field) ?? 0
      if (!file || size === 0) return null
      return { name: file.name, size, bytes: async () => new Uint8Array(await readFile(file.path)) }
    },
    dispose,
  }
}
