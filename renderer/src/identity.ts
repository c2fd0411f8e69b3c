import { useCallback, useState } from 'react'
import { pickColour, PRESENCE_COLOURS, validateDisplayName, type PresenceUser } from '../../shared/presence'

// The name people see is a preference of this device, not part of any board, so it lives in
// localStorage (in the desktop app, inside Roundtable's own profile folder).
const NAME_KEY = 'roundtable.displayName'
const COLOUR_KEY = 'roundtable.colour'

function readSaved(): PresenceUser | null {
  try {
    const name = localStorage.getItem(NAME_KEY)
    if (name === null || validateDisplayName(name) !== null) return null
    const colour = localStorage.getItem(COLOUR_KEY)
    return { name, colour: colour && PRESENCE_COLOURS.includes(colour) ? colour : pickColour() }
  } catch {
    return null
  }
}

export function useIdentity(): { user: PresenceUser | null; saveName: (name: string) => void } {
  const [user, setUser] = useState<PresenceUser | null>(readSaved)
  const saveName = useCallback((name: string) => {
    const next = { name: name.trim(), colour: user?.colour ?? pickColour() }
    try {
      localStorage.setItem(NAME_KEY, next.name)
      localStorage.setItem(COLOUR_KEY, next.colour)
    } catch {
      // Storage can be switched off (private browsing); the name then lasts until the page closes.
    }
    setUser(next)
  }, [user])
  return { user, saveName }
}
