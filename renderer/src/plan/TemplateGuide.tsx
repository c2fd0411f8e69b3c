import { useId, useState } from 'react'
import type * as Y from 'yjs'
import type { Voice } from '../../../shared/plan/fields'
import { answerPrompt, findTemplate, type TemplatePrompt } from '../../../shared/plan/templates'
import { ErrorMessage } from '../ErrorMessage'
import { VOICE_OPTIONS } from './entryFields'

interface Props {
  templateId: string
  doc: Y.Doc
  author: string
}

/**
 * The planning method's questions, in its own order, at the top of a plan started from it. Each
 * answer goes straight into the plan's own section (a strength, a goal, About me…), so there is
 * nothing extra to keep in step.
 */
export function TemplateGuide({ templateId, doc, author }: Props) {
  const template = findTemplate(templateId)
  const [open, setOpen] = useState(true)
  const headingId = useId()
  if (!template || template.prompts.length === 0) return null
  return (
    <section className="rt-plan-section rt-plan-section--wide rt-guide" aria-labelledby={headingId}>
      <div className="rt-guide__top">
        <h2 className="rt-section__title" id={headingId}>
          {template.title}: questions to fill the plan
        </h2>
        <button type="button" className="rt-link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide the questions' : 'Show the questions'}
        </button>
      </div>
      {open ? (
        <>
          <p className="rt-section__hint">{template.description} Each answer lands in its section of the plan below.</p>
          <ol className="rt-guide__prompts">
            {template.prompts.map((prompt) => (
              <li key={prompt.id} className="rt-guide__prompt">
                <Prompt templateId={template.id} prompt={prompt} doc={doc} author={author} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}

function Prompt({ templateId, prompt, doc, author }: { templateId: string; prompt: TemplatePrompt; doc: Y.Doc; author: string }) {
  const [text, setText] = useState('')
  // Whose words is asked for every answer, as for any new entry (shared/plan/templates.ts says why).
  const [voice, setVoice] = useState<Voice | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [voiceError, setVoiceError] = useState<string | null>(null)
  const id = useId()
  const target = prompt.target

  if (target.kind === 'narrative' || target.kind === 'action') {
    const go = () => {
      // The answer is written where it lives: the About me box, or the first goal's action form.
      const place = target.kind === 'narrative' ? document.querySelector<HTMLElement>(`#narrative-${target.key} [role="textbox"]`) : document.querySelector<HTMLElement>('[data-add-action]')
      if (place) {
        place.scrollIntoView({ block: 'center' })
        place.focus()
        if (target.kind === 'action') place.click()
      } else {
        setError('Add a goal first; first steps are actions under a goal.')
      }
    }
    return (
      <>
        <h3 className="rt-guide__title">{prompt.title}</h3>
        <p className="rt-section__hint">{prompt.hint}</p>
        <ErrorMessage id={`${id}-error`} message={error} />
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={go}>
          {target.kind === 'narrative' ? `Write “${prompt.title}”` : 'Add a first step'}
        </button>
      </>
    )
  }

  function submit(event: React.FormEvent): void {
    event.preventDefault()
    const result = answerPrompt(doc, templateId, prompt.id, { text, voice }, { by: author, now: new Date() })
    if (result.ok) {
      setText('')
      setVoice(null)
      setError(null)
      setVoiceError(null)
    } else {
      const { voice: whose, ...others } = result.errors
      setVoiceError(whose ?? null)
      setError(Object.values(others)[0] ?? null)
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label rt-guide__title" htmlFor={id}>
          {prompt.title}
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {prompt.hint}
        </div>
        <ErrorMessage id={`${id}-error`} message={error} />
        <textarea
          className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
          id={id}
          rows={2}
          value={text}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <fieldset className={`nhsuk-form-group rt-form-group--tight rt-fieldset${voiceError ? ' nhsuk-form-group--error' : ''}`} aria-describedby={voiceError ? `${id}-voice-error` : undefined}>
        <legend className="nhsuk-label">Whose words</legend>
        <ErrorMessage id={`${id}-voice-error`} message={voiceError} />
        <div className="rt-radios">
          {VOICE_OPTIONS.map((option) => (
            <label key={option.value} className="rt-radio">
              <input type="radio" name={`${id}-voice`} value={option.value} checked={voice === option.value} onChange={() => setVoice(option.value)} />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary rt-button--small" aria-label={`Add the answer to “${prompt.title}”`}>
        Add
      </button>
    </form>
  )
}
