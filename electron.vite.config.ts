import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Three bundles, one per place code runs (see README "Architecture").
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          // The Electron main process.
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The same hub, headless, for `npm run serve`. Must never import 'electron'.
          serve: resolve(__dirname, 'electron/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules, so it is bundled as CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    resolve: { dedupe: ['yjs', 'react', 'react-dom'] },
    build: {
      // electron-vite leaves bundles unminified; this one also goes to residents' phones over Wi-Fi.
      minify: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
