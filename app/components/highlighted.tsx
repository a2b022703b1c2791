import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '#search/port'

/** Renders search-engine highlight markers as <mark>, never as HTML. */
export function Highlighted({ text, fallback = '' }: { text: string | undefined; fallback?: string }) {
  const value = text ?? fallback
  const parts: React.ReactNode[] = []
  let rest = value
  let key = 0
  while (rest) {
    const start = rest.indexOf(HIGHLIGHT_PRE)
    if (start === -1) {
      parts.push(rest)
      break
    }
    const end = rest.indexOf(HIGHLIGHT_POST, start)
    if (end === -1) {
      parts.push(rest.replaceAll(HIGHLIGHT_PRE, ''))
      break
    }
    parts.push(rest.slice(0, start))
    parts.push(<mark key={key++}>{rest.slice(start + 1, end)}</mark>)
    rest = rest.slice(end + 1)
  }
  return <>{parts}</>
}
