import { describe, expect, it } from 'vitest'
import { describeConnection, type ConnectionFacts } from './connection'

const base: ConnectionFacts = { connected: true, everSynced: true, refused: false, hubHasEverything: true }

describe('the connection status', () => {
  it('says saved only when connected, synced and the hub holds every change', () => {
    expect(describeConnection(base)).toEqual({ state: 'saved', label: 'Connected — all changes saved' })
    expect(describeConnection({ ...base, hubHasEverything: false }).state).toBe('saving')
    expect(describeConnection({ ...base, everSynced: false }).state).toBe('connecting')
  })

  it('after a lost connection says changes are kept here, never saved', () => {
    const status = describeConnection({ ...base, connected: false })
    expect(status.state).toBe('reconnecting')
    expect(status.label).toMatch(/your changes are kept here/)
    expect(describeConnection({ ...base, connected: false, everSynced: false }).state).toBe('connecting')
  })

  it('a refused access code wins over everything else, with what to do', () => {
    const status = describeConnection({ ...base, refused: true })
    expect(status.state).toBe('refused')
    expect(status.label).toMatch(/Ask whoever runs Roundtable for a new link/)
  })
})
