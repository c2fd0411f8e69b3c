import { describe, expect, it, vi } from 'vitest'
import { bridgeSwitch, buildBridge, channelsFromArgv } from './bridge'

describe('the preload bridge', () => {
  it('reads the channel list main passes in argv', () => {
    const argv = ['/usr/bin/electron', '--type=renderer', bridgeSwitch(['app:getInfo', 'app:showDataFolder'])]
    expect(channelsFromArgv(argv)).toEqual(['app:getInfo', 'app:showDataFolder'])
    expect(channelsFromArgv(['/usr/bin/electron'])).toEqual([])
  })

  it('drops malformed channel names', () => {
    const argv = [bridgeSwitch(['app:getInfo', '__proto__:x', 'app:', 'a:b:c', 'Shell:open', 'app:get-info'])]
    expect(channelsFromArgv(argv)).toEqual(['app:getInfo'])
  })

  it('builds namespaced functions that forward to invoke unchanged', async () => {
    const invoke = vi.fn(async (...call: unknown[]) => call)
    const bridge = buildBridge(['app:getInfo', 'files:open'], invoke)
    expect(Object.keys(bridge)).toEqual(['app', 'files'])
    await expect(bridge.files.open('/tmp/x', 2)).resolves.toEqual(['files:open', '/tmp/x', 2])
    await bridge.app.getInfo()
    expect(invoke).toHaveBeenLastCalledWith('app:getInfo')
  })

  it('is frozen, and names like "constructor" stay own properties', () => {
    const bridge = buildBridge(['constructor:toString', 'app:getInfo'], async () => null)
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(Object.isFrozen(bridge.app)).toBe(true)
    expect(Object.hasOwn(bridge, 'constructor')).toBe(true)
    expect(({} as Record<string, unknown>).constructor).toBe(Object)
    expect((Object as unknown as Record<string, unknown>).toString).toBe(Function.prototype.toString)
  })
})
