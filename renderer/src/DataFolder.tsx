import { useEffect, useState } from 'react'
import type { AppInfo } from '../../electron/preload/bridge-types'

/**
 * In the desktop app only (the preload's bridge is there; a browser tab has none): where this
 * computer keeps the plans, and a button that opens the folder in the file manager.
 */
export function DataFolder() {
  const bridge = window.roundtable
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [problem, setProblem] = useState('')
  useEffect(() => {
    bridge?.app
      .getInfo()
      .then(setInfo)
      .catch((error: Error) => setProblem(error.message))
  }, [bridge])
  if (!bridge || (!info && !problem)) return null
  return (
    <section className="rt-data-folder" aria-labelledby="data-folder-heading">
      <h2 id="data-folder-heading">On this computer</h2>
      {info ? (
        <p>
          Plans are kept on this computer, encrypted, in <code className="rt-data-folder__path">{info.dataDir}</code>.
        </p>
      ) : null}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() => {
          setProblem('')
          bridge.app.showDataFolder().catch((error: Error) => setProblem(error.message))
        }}
      >
        Show the data folder
      </button>
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  )
}
