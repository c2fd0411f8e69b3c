import { describe, expect, it } from 'vitest'
import { describeConnection, type ConnectionFacts } from './connection'

const base: ConnectionFacts = { connected: true, everSynced: true, refused: false, hubHasEverything: true, deviceCopyWorks: true, shownFromDevice: false }

describe('the connection status', () => {
  it('says saved only when connected, synced and the hub holds every change', () => {
    expect(describeConnection(base)).toEqual({ state: 'saved', label: 'Connected — all changes saved' })
    expect(describeConnection({ ...base, hubHasEverything: false }).state).toBe('saving')
    expect(describeConnection({ ...base, everSynced: false }).state).toBe('connecting')
  })

  it('after a lost connection says changes are kept on this device, never saved', () => {
    const status = describeConnection({ ...base, connected: false, hubHasEverything: false })
    expect(status.state).toBe('reconnecting')
    expect(status.label).toBe('Reconnecting — your changes are kept here, on this device, and will be sent when the hub is back')
    expect(describeConnection({ ...base, connected: false, everSynced: false }).state).toBe('connecting')
  })

  it('does not claim the device keeps changes when the browser refuses to store them', () => {
    const status = describeConnection({ ...base, connected: false, hubHasEverything: false, deviceCopyWorks: false })
    expect(status.state).toBe('reconnecting')
    expect(status.label).toMatch(/^Reconnecting — your changes are kept here in this window only: keep it open/)
    expect(status.label).not.toMatch(/device/)
  })

  it('says when the plan shown is the copy kept on this device, until the hub answers', () => {
    const offline = { ...base, connected: false, everSynced: false, shownFromDevice: true }
    expect(describeConnection(offline)).toEqual({
      state: 'connecting',
      label: 'Connecting to the hub — showing the copy kept on this device; your changes will be sent when the hub answers',
    })
    expect(describeConnection({ ...offline, connected: true, everSynced: true, hubHasEverything: false }).state).toBe('saving')
  })

  it('a refused access code wins over everything else, with what to do', () => {
    const status = describeConnection({ ...base, refused: true, shownFromDevice: true })
    expect(status.state).toBe('refused')
    expect(status.label).toMatch(/Ask whoever runs Roundtable for a new link/)
  })

  it('a refusal says the hub’s own reason, and that unsaved changes are kept', () => {
    const because = 'This meeting link opens the meeting and the plans on its agenda, and this board is not on the agenda now.'
    expect(describeConnection({ ...base, refused: true, refusedBecause: because }).label).toBe(because)
    expect(describeConnection({ ...base, refused: true, refusedBecause: because, hubHasEverything: false }).label).toBe(`${because} Your latest changes are kept on this device.`)
    expect(describeConnection({ ...base, refused: true, hubHasEverything: false, deviceCopyWorks: false }).label).toMatch(/only in this window/)
  })
})
