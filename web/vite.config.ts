import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';

/** The storefront and admin console; `npm run dev` serves the API on :3000 and this proxies to it. */
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': api, '/s': api, '/health': api, '/docs': api },
  },
});
