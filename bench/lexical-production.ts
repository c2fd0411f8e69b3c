/**
 * Imported first by bench/run.ts, before anything loads Lexical. Lexical's packages pick their
 * development or production build from NODE_ENV once, when first imported; the app is built for
 * production (Vite), so the benchmark's headless editors use the production build too. Set here,
 * not in package.json, so `npm run bench` needs nothing else; the hub's child processes inherit it
 * (nothing the hub uses reads it).
 */
process.env.NODE_ENV ??= 'production'
