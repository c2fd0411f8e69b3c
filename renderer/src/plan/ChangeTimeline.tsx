import { useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { changeLogPeople, describeChange, readChangeLog } from '../../../shared/plan/changeLog'
import { formatDateTime } from '../format'

/** How many changes show at first, and how many more each "Show older changes" adds. */
const PAGE = 50

/** Who changed what and when, newest first, for everyone or one person. */
export function ChangeTimeline({ doc, version }: { doc: Y.Doc; version: number }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const records = useMemo(() => readChangeLog(doc), [doc, version])
  const people = useMemo(() => changeLogPeople(records), [records])
  const [person, setPerson] = useState('')
  const [shown, setShown] = useState(PAGE)
  const matching = person === '' ? records : records.filter((record) => record.by === person)

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Who changed what</h2>
      {records.length === 0 ? (
        <p>No changes recorded yet. From now on, each change is listed here with who made it and when.</p>
      ) : (
        <>
          <p className="rt-card__meta">Newest first. Each name is the one that person gave on their own device.</p>
          <div className="nhsuk-form-group rt-history__choice">
            <label className="nhsuk-label" htmlFor="timeline-person">
              Show changes by
            </label>
            <select
              id="timeline-person"
              className="nhsuk-select rt-history__select"
              value={person}
              onChange={(event) => {
                setPerson(event.target.value)
                setShown(PAGE)
              }}
            >
              <option value="">Everyone</option>
              {people.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <ol className="rt-timeline" aria-label={person === '' ? 'Changes by everyone, newest first' : `Changes by ${person}, newest first`}>
            {matching.slice(0, shown).map((record, index) => (
              <li key={`${record.id}-${index}`}>
                <time dateTime={record.at}>{formatDateTime(record.at)}</time>
                <span>
                  <strong>{record.by}</strong> {describeChange(record.change)}
                </span>
              </li>
            ))}
          </ol>
          {matching.length > shown ? (
            <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => setShown(shown + PAGE)}>
              Show older changes ({matching.length - shown} more)
            </button>
          ) : null}
        </>
      )}
    </section>
  )
}
