import type * as Y from 'yjs'
import { easyReadPlan, type EasyReadAction, type EasyReadLine } from '../../../shared/plan/easyRead'
import { NARRATIVE_FIELDS } from '../../../shared/plan/narrative'
import { usePageMargins } from '../printPages'
import { richTextBlocks } from '../../../shared/plan/narrativeText'
import { NarrativeText } from './NarrativeText'
import { useDocVersion } from '../useBoardSession'
import { useChangesSinceAgreed, usePlan } from './usePlan'

/**
 * "My plan": the same plan, for the person, in easy read (see shared/plan/easyRead.ts). Large
 * type, plain words, one idea a line, their own words first. Prints with their name, the date and
 * the version agreed on every page.
 */
export function MyPlan({ doc, planHref }: { doc: Y.Doc; planHref: string }) {
  // Everything, rich text included: nothing here is a live editor, so re-reading is cheap.
  const version = useDocVersion(doc)
  const { plan, agreement, today } = usePlan(doc, version)
  const changes = useChangesSinceAgreed(doc, today)
  const writtenFields = new Set(NARRATIVE_FIELDS.filter((field) => richTextBlocks(doc, field.key).some((block) => block.text.trim() !== '')).map((field) => field.key))
  const page = easyReadPlan({ plan, agreement, changedSinceAgreed: changes === null ? null : changes.length > 0, today, writtenFields })
  usePageMargins(page.pages)

  return (
    <div className="rt-easy-read">
      <p className="rt-no-print">
        <a href={planHref}>Back to the team’s view of the plan</a>
      </p>
      <h1>{page.title}</h1>
      <Lines lines={page.details} />
      <button type="button" className="nhsuk-button rt-no-print" onClick={() => window.print()}>
        Print my plan
      </button>

      <h2>What matters to me</h2>
      <NarrativeText doc={doc} fieldKey="importantToMe" empty="We have not written this yet." />

      <h2>What I want to happen</h2>
      {page.goals.length === 0 ? <p>We have not written this yet.</p> : null}
      {page.goals.map((goal) => (
        <section key={goal.id} className="rt-easy-read__goal" aria-label={goal.text}>
          <h3>{goal.inTheirWords ? `“${goal.text}”` : goal.text}</h3>
          {goal.next.length === 0 ? <p>Nothing is planned for this yet.</p> : <Actions actions={goal.next} />}
          {goal.done.length > 0 ? (
            <>
              <h4>Already done</h4>
              <ul>
                {goal.done.map((what, index) => (
                  <li key={index}>{what}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      {page.otherActions.length > 0 ? (
        <section className="rt-easy-read__goal" aria-labelledby="rt-easy-read-other">
          <h3 id="rt-easy-read-other">Other things that will happen</h3>
          <Actions actions={page.otherActions} />
        </section>
      ) : null}

      <h2>What I am good at and who helps me</h2>
      {page.strengths.length === 0 ? <p>We have not written this yet.</p> : null}
      <ul>
        {page.strengths.map((strength, index) => (
          <li key={index}>{strength}</li>
        ))}
      </ul>

      <h2>People helping me</h2>
      {page.helpers.length === 0 ? <p>We have not written this yet.</p> : null}
      <ul className="rt-easy-read__helpers">
        {page.helpers.map((helper) => (
          <li key={helper.id}>
            <strong>{helper.name}</strong>
            {helper.lines.map((line, index) => (
              <span key={index} className="rt-easy-read__line">
                {line}
              </span>
            ))}
          </li>
        ))}
      </ul>

      <h2>If things get worse</h2>
      {page.ifThingsGetWorse.length === 0 ? <p>We have not written this yet.</p> : null}
      {page.ifThingsGetWorse.map((field) => (
        <section key={field.key} aria-label={field.heading}>
          <h3>{field.heading}</h3>
          <NarrativeText doc={doc} fieldKey={field.key} />
        </section>
      ))}

      <h2>When we will look at this plan again</h2>
      <p>{page.review}</p>
    </div>
  )
}

/** Things that will happen, each as its own short list of labelled lines. */
function Actions({ actions }: { actions: EasyReadAction[] }) {
  return (
    <ul className="rt-easy-read__actions">
      {actions.map((action) => (
        <li key={action.id}>
          <Lines lines={action.lines} />
        </li>
      ))}
    </ul>
  )
}

function Lines({ lines }: { lines: EasyReadLine[] }) {
  return (
    <dl className="rt-easy-read__lines">
      {lines.map((line) => (
        <div key={line.label}>
          <dt>{line.label}:</dt> <dd>{line.text}</dd>
        </div>
      ))}
    </dl>
  )
}
