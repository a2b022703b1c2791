import { useState } from 'react'
import { useTranslation } from 'react-i18next'
/** One search facet as checkboxes with counts: ticked values filter the next search (GET form). */
export function FacetCheckboxes({
  legend,
  param,
  values,
  checked,
  label,
}: {
  legend: string
  param: string
  values: Array<[string, number]>
  checked: readonly string[]
  label: (value: string) => string
}) {
  if (values.length === 0) return null
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map(([value, count]) => (
        <label className="checkbox" key={value}>
          <input type="checkbox" name={param} value={value} defaultChecked={checked.includes(value)} />
          {label(value)} <span className="muted">({count})</span>
        </label>
      ))}
    </fieldset>
  )
}

/** The query box of a search page, with any extra controls (a sort order) before its button. */
export function SearchBar({
  defaultValue,
  placeholder,
  children,
}: {
  defaultValue: string
  placeholder: string
  children?: React.ReactNode
}) {
  const { t } = useTranslation()
  return (
    <div className="search-bar">
      <label htmlFor="q" className="visually-hidden">
        {t('search.query')}
      </label>
      <input id="q" name="q" type="search" defaultValue={defaultValue} placeholder={placeholder} />
      {children}
      <button type="submit" className="primary">
        {t('search.submit')}
      </button>
    </div>
  )
}

/** A search page's facets: beside the results on a wide screen, folded behind a button on a phone. */
export function FacetPanel({ id, children }: { id: string; children: React.ReactNode }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="facet-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        {t('search.filters')}
      </button>
      <aside id={id} className={open ? 'facets open' : 'facets'} aria-label={t('search.filters')}>
        {children}
      </aside>
    </>
  )
}
