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
