import { describe, expect, it } from 'vitest'
import { boardHref, parseRoute } from './routePaths'

describe('routes', () => {
  it('read the screen from the hash, and refuse bad board ids', () => {
    expect(parseRoute('')).toEqual({ screen: 'home' })
    expect(parseRoute('#/')).toEqual({ screen: 'home' })
    expect(parseRoute('#/board/abc')).toEqual({ screen: 'board', docId: 'abc', view: 'plan' })
    expect(parseRoute('#/board/abc/history')).toEqual({ screen: 'board', docId: 'abc', view: 'history' })
    expect(parseRoute('#/board/abc/my-plan')).toEqual({ screen: 'board', docId: 'abc', view: 'my-plan' })
    expect(parseRoute('#/board/abc/overview')).toEqual({ screen: 'board', docId: 'abc', view: 'overview' })
    expect(parseRoute('#/board/abc/shared-screen')).toEqual({ screen: 'board', docId: 'abc', view: 'shared-screen' })
    expect(parseRoute('#/board/abc/huddle')).toEqual({ screen: 'board', docId: 'abc', view: 'huddle' })
    expect(parseRoute('#/board/abc/minutes')).toEqual({ screen: 'board', docId: 'abc', view: 'minutes' })
    expect(parseRoute('#/tracker')).toEqual({ screen: 'tracker' })
    expect(parseRoute('#/join')).toEqual({ screen: 'join' })
    expect(parseRoute('#/board/../x')).toEqual({ screen: 'not-found' })
    expect(parseRoute('#/board/abc/other')).toEqual({ screen: 'not-found' })
  })
  it('round-trip', () => {
    for (const view of ['plan', 'history', 'my-plan', 'overview', 'shared-screen', 'huddle', 'minutes'] as const) expect(parseRoute(boardHref('a1', view))).toMatchObject({ docId: 'a1', view })
  })
})
