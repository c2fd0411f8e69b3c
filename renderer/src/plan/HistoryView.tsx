import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { readPlan } from '../../../shared/plan/read'
import { docAtVersion, listVersions } from '../../../shared/plan/versions'
import { formatDateTime } from '../format'
import { ChangeTimeline } from './ChangeTimeline'
import { ChangesTable, CompareVersions } from './CompareVersions'
import { PlanSummary } from './PlanSummary'
import './history.scss'
import { useDocVersion } from '../useBoardSession'
import { useChangesSinceAgreed, usePlan } from './usePlan'

/**
 * What changed since the plan was last agreed, who changed what and when, any two versions compared,
 * and the plan as it was at each agreed version.
 */
export function HistoryView({ doc, title, planHref }: { doc: Y.Doc; title: string; planHref: string }) {
  // Everything, rich text included: nothing here is a live editor, so re-reading is cheap.
  const version = useDocVersion(doc)
  const { agreement, today } = usePlan(doc, version)
  const changes = useChangesSinceAgreed(doc, today)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const versions = useMemo(() => listVersions(doc), [doc, version])
  const [viewing, setViewing] = useState<string | null>(null)
  const past = useMemo(() => (viewing ? docAtVersion(doc, viewing) : null), [doc, viewing])
  useEffect(() => () => past?.destroy(), [past])
  // Take keyboard and screen-reader users to the version they asked to see.
  useEffect(() => {
    if (viewing) document.getElementById('past-version-heading')?.focus()
  }, [viewing])
  const shownVersion = versions.find((candidate) => candidate.id === viewing)

  return (
    <>
      <h1>History: {title}</h1>
      <p>
        <a href={planHref}>Back to the plan</a>
      </p>
      <h2>Changes since last agreed</h2>
      {changes === null ? <p>This plan has not been agreed yet.</p> : null}
      {changes !== null && changes.length === 0 ? <p>No changes since {agreement?.agreedBy} agreed it on {formatDateTime(agreement?.agreedAt ?? '')}.</p> : null}
      {changes && changes.length > 0 ? <ChangesTable changes={changes} caption="Changes since the plan was last agreed" /> : null}
      <ChangeTimeline doc={doc} version={version} />
      <CompareVersions doc={doc} versions={versions} today={today} version={version} />
      <h2>Versions</h2>
      {versions.length === 0 ? <p>No versions yet. “Mark as agreed” on the plan takes one.</p> : null}
      <ol className="rt-versions">
        {versions.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.name}</strong>, {formatDateTime(entry.takenAt)}, recorded by {entry.takenBy}{' '}
            <button type="button" className="rt-link-button" aria-label={`View the plan as it was: ${entry.name}, ${formatDateTime(entry.takenAt)}`} onClick={() => setViewing(entry.id)}>
              View
            </button>
          </li>
        ))}
      </ol>
      {viewing && !past ? (
        <p className="rt-problem" role="alert">
          This version could not be rebuilt (its record is damaged). The plan itself is not affected.
        </p>
      ) : null}
      {past && shownVersion ? (
        <section className="rt-panel" aria-labelledby="past-version-heading">
          <h2 id="past-version-heading" tabIndex={-1}>
            As it was: {shownVersion.name}, {formatDateTime(shownVersion.takenAt)}
          </h2>
          <p className="rt-card__meta">Read only. This is how the plan stood when this version was taken.</p>
          <PlanSummary plan={readPlan(past, today)} doc={past} />
        </section>
      ) : null}
    </>
  )
}
