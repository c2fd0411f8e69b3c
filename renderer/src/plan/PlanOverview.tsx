import type * as Y from 'yjs'
import { formatDay } from '../../../shared/plan/dates'
import { CONTINGENCY_FIELDS } from '../../../shared/plan/narrative'
import { planOverview, type OverviewAction, type OverviewGoal } from '../../../shared/plan/overview'
import { shortText } from '../format'
import { richTextBlocks } from '../../../shared/plan/narrativeText'
import { useDocVersion } from '../useBoardSession'
import { usePlan } from './usePlan'

interface Props {
  doc: Y.Doc
  /** Large type for a screen the whole room reads. */
  large: boolean
  planHref: string
  /** The same overview in the other type size. */
  otherSizeHref: string
}

/** Long narrative text is cut to what a room can read at a glance; the full plan has the rest. */
const NARRATIVE_GLANCE = 280

/** The contingency fields that say when to act and what to do (who to contact stays on the full plan). */
const TRIGGER_FIELDS = CONTINGENCY_FIELDS.filter((field) => field.key !== 'whoToContact')

/**
 * The plan's heart on one screen, for a huddle: read-only, no identifiers beyond the name the
 * person goes by. `large` is the shared-screen mode: bigger type and more contrast, and the
 * app's own header steps aside (overview.scss) so the plan has the whole screen.
 */
export function PlanOverview({ doc, large, planHref, otherSizeHref }: Props) {
  // Everything, rich text included: nothing here is a live editor, so re-reading is cheap.
  const version = useDocVersion(doc)
  const { plan, agreement, today } = usePlan(doc, version)
  const overview = planOverview(plan, agreement, today)
  const name = overview.callName

  return (
    <div className={large ? 'rt-overview rt-overview--large' : 'rt-overview'}>
      <div className="rt-overview__top">
        <h1 className="rt-overview__title">{name ? `${name}: plan at a glance` : 'Plan at a glance'}</h1>
        <p className="rt-overview__review">
          {overview.review === null ? (
            'Not agreed yet'
          ) : overview.review.overdue ? (
            <strong className="rt-tag rt-tag--overdue">Review overdue: was due {formatDay(overview.review.date)}</strong>
          ) : (
            `Review by ${formatDay(overview.review.date)}`
          )}
        </p>
        <nav className="rt-overview__links" aria-label="Plan views">
          <a href={planHref}>Full plan, to edit</a>
          <a href={otherSizeHref}>{large ? 'Normal type' : 'Large type for a shared screen'}</a>
        </nav>
      </div>

      <div className="rt-overview__grid">
        <div className="rt-overview__column">
          <section className="rt-overview__part" aria-labelledby="overview-matters">
            <h2 id="overview-matters">What matters to {name || 'the person'}</h2>
            <GlanceText doc={doc} fieldKey="importantToMe" empty="Not written yet." />
          </section>
          <section className="rt-overview__part" aria-labelledby="overview-overdue">
            <h2 id="overview-overdue">Overdue ({overview.overdue.length})</h2>
            {overview.overdue.length === 0 ? <p>Nothing is overdue.</p> : null}
            <ul className="rt-overview__actions" hidden={overview.overdue.length === 0}>
              {overview.overdue.map((action) => (
                <li key={action.id}>
                  <ActionGlance action={action} />
                  {action.goalText ? <span className="rt-overview__goal-of">For: {shortText(action.goalText, 80)}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="rt-overview__part rt-overview__part--warning" aria-labelledby="overview-worse">
            <h2 id="overview-worse">If things get worse</h2>
            <dl className="rt-overview__facts">
              {TRIGGER_FIELDS.map((field) => (
                <div key={field.key}>
                  <dt>{field.title}</dt>
                  <dd>
                    <GlanceText doc={doc} fieldKey={field.key} empty="Not written yet." />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </div>

        <section className="rt-overview__part rt-overview__goals" aria-labelledby="overview-goals">
          <h2 id="overview-goals">Goals and what happens next</h2>
          {overview.goals.length === 0 ? <p className="rt-empty">No goals yet. Add them on the full plan.</p> : null}
          <ol className="rt-overview__goal-list" hidden={overview.goals.length === 0}>
            {overview.goals.map((goal) => (
              <GoalGlance key={goal.id} goal={goal} />
            ))}
          </ol>
        </section>
      </div>
    </div>
  )
}

function GoalGlance({ goal }: { goal: OverviewGoal }) {
  return (
    <li className="rt-overview__goal">
      <p className="rt-overview__goal-text">{goal.inPersonsWords ? `“${goal.text}”` : goal.text}</p>
      {goal.openCount === 0 ? <p className="rt-overview__none">No open actions.</p> : null}
      <ul className="rt-overview__actions" hidden={goal.openCount === 0}>
        {goal.nextActions.map((action) => (
          <li key={action.id}>
              <ActionGlance action={action} withDetail={false} />
          </li>
        ))}
      </ul>
      {goal.moreOpen > 0 ? <p className="rt-overview__more">and {goal.moreOpen} more on the full plan</p> : null}
    </li>
  )
}

/** An action, its owner and due date; `withDetail` adds the agency, or who a family owner is. */
function ActionGlance({ action, withDetail = true }: { action: OverviewAction; withDetail?: boolean }) {
  const owner = action.ownerName ?? 'No owner (removed from the plan)'
  return (
    <>
      <span className="rt-overview__what">{action.what}</span> –{' '}
      <span className="rt-overview__who">
        {owner}
        {withDetail && action.ownerDetail ? ` (${action.ownerDetail})` : ''}, by {formatDay(action.dueDate)}
      </span>
      {action.overdue ? <strong className="rt-tag rt-tag--overdue"> Overdue</strong> : null}
    </>
  )
}

/** A narrative field as one short paragraph: the room sees the gist; the full plan has it all. */
function GlanceText({ doc, fieldKey, empty }: { doc: Y.Doc; fieldKey: string; empty: string }) {
  const text = richTextBlocks(doc, fieldKey)
    .map((block) => block.text.trim())
    .filter((line) => line !== '')
    .join(' · ')
  if (text === '') return <p className="rt-empty">{empty}</p>
  return <p className="rt-overview__narrative">{shortText(text, NARRATIVE_GLANCE)}</p>
}
