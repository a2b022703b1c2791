import { useRootData } from '~/utils/root-data'

/** Hidden field every mutating form carries; the action checks it against the CSRF cookie. */
export function CsrfInput() {
  const root = useRootData()
  return <input type="hidden" name="csrf" value={root?.csrf ?? ''} />
}
