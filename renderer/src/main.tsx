// First: shared/ makes ids with crypto.randomUUID, which http://<LAN address> pages lack.
import './randomUUID'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { registerOfflineApp } from './offlineApp'
import './styles.scss'
import './plan/plan.scss'
import './plan/overview.scss'
import './tracker/tracker.scss'
import './meeting/meeting.scss'
import './phone.css'
import './print.scss'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
registerOfflineApp()
