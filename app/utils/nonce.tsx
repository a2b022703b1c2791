import { createContext, useContext } from 'react'

/**
 * The per-response CSP nonce. entry.server.tsx provides it while rendering, so the document's
 * inline scripts (Remix's hydration data) carry it; in the browser there is none to provide and
 * none is needed (modules load from 'self').
 */
export const NonceContext = createContext<string | undefined>(undefined)

export const useNonce = () => useContext(NonceContext)
