import { describe, expect, it } from 'vitest'
import { pageTarget } from './paths'

describe('pageTarget', () => {
  const hubOrigin = 'http://127.0.0.1:40000'

  it('loads the app from the hub, token in the query', () => {
    expect(pageTarget({ hubOrigin, token: 'a+b/c', isPackaged: false })).toEqual({
      url: 'http://127.0.0.1:40000/?token=a%2Bb%2Fc',
      pageOrigin: hubOrigin,
    })
  })

  it('under npm run dev, loads Vite’s dev server and tells the page where the hub is', () => {
    expect(pageTarget({ hubOrigin, token: 't', isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toEqual({
      url: 'http://localhost:5173/?token=t&hub=http%3A%2F%2F127.0.0.1%3A40000',
      pageOrigin: 'http://localhost:5173',
    })
  })

  it('never uses a dev server in the packaged app', () => {
    expect(pageTarget({ hubOrigin, token: 't', isPackaged: true, devServerUrl: 'http://localhost:5173/' }).pageOrigin).toBe(hubOrigin)
  })
})
