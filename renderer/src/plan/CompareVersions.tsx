import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { diffVersions, NOW, type PlanChange, type Version } from '../../../shared/plan/versions'
import { formatDateTime } from '../format'

const COLUMNS = ['Section', 'What', 'Change', 'Was', 'Now']

const CHANGE_WORDS: Record<PlanChange['change'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' }

/** Changes between two readings of the plan, one row each. */
export function ChangesTable({ changes, caption }: { changes: readonly PlanChange[]; caption: string }) {
  return (
    // The roles are the table's own, said outright: on a phone its rows are drawn as blocks
    // (history.scss), which would otherwise cost them their table semantics in some browsers.
    <table className="rt-table rt-history__table" role="table">
      <caption className="nhsuk-u-visually-hidden">{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {COLUMNS.map((column) => (
            <th key={column} scope="col" role="columnheader">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {changes.map((change, index) => (
          <tr key={index} role="row">
            {[change.section, change.what, CHANGE_WORDS[change.change], change.before || '—', change.after || '—'].map((text, column) => (
              <td key={column} role="cell" data-label={COLUMNS[column]}>
                {text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const nameOf = (versions: readonly Version[], id: string) => {
  if (id === NOW) return 'the plan now'
  const version = versions.find((candidate) => candidate.id === id)
  return version ? `${version.name}, ${formatDateTime(version.takenAt)}` : 'a version no longer listed'
}

/** Pick any two versions (or the plan now) and see what changed from one to the other. */
export function CompareVersions({ doc, versions, today, version }: { doc: Y.Doc; versions: readonly Version[]; today: string; version: number }) {
  const [from, setFrom] = useState(versions[0]?.id ?? NOW)
  const [to, setTo] = useState(NOW)
  const [pair, setPair] = useState<{ from: string; to: string } | null>(null)
  // "The plan now" moves on as people edit; a comparison with it follows.
  const live = pair !== null && (pair.from === NOW || pair.to === NOW) ? version : 0
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const changes = useMemo(() => (pair ? diffVersions(doc, pair.from, pair.to, today) : undefined), [doc, pair, today, live])
  useEffect(() => {
    if (pair) document.getElementById('comparison-heading')?.focus()
  }, [pair])

  if (versions.length === 0) {
    return (
      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">Compare two versions</h2>
        <p>There is nothing to compare yet: “Mark as agreed” on the plan takes a version.</p>
      </section>
    )
  }
  const options = [{ id: NOW, label: 'The plan now' }, ...versions.map((entry) => ({ id: entry.id, label: `${entry.name}, ${formatDateTime(entry.takenAt)}` }))]
  const choose = (id: string, label: string, value: string, set: (value: string) => void) => (
    <div className="nhsuk-form-group rt-history__choice">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="nhsuk-select rt-history__select" value={value} onChange={(event) => set(event.target.value)}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two versions</h2>
      <form
        className="rt-history__compare"
        onSubmit={(event) => {
          event.preventDefault()
          setPair({ from, to })
        }}
      >
        {choose('compare-from', 'From', from, setFrom)}
        {choose('compare-to', 'To', to, setTo)}
        <button type="submit" className="nhsuk-button rt-button--small">
          Compare
        </button>
      </form>
      {pair && changes !== undefined ? (
        <div className="rt-panel">
          <h3 id="comparison-heading" tabIndex={-1}>
            From {nameOf(versions, pair.from)} to {nameOf(versions, pair.to)}
          </h3>
          {changes === null ? (
            <p className="rt-problem" role="alert">
              One of these versions could not be rebuilt (its record is damaged). Choose another; the plan itself is not affected.
            </p>
          ) : changes.length === 0 ? (
            <p>No differences: the plan was the same at both.</p>
          ) : (
            <ChangesTable changes={changes} caption={`Changes from ${nameOf(versions, pair.from)} to ${nameOf(versions, pair.to)}`} />
          )}
        </div>
      ) : null}
    </section>
  )
}
