// Build and dev-server settings for the web UI. The API server serves web/dist in production,
// and in development this server forwards /api to it so cookies stay same-origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webDir,
  plugins: [react()],
  // postcss.config.cjs beside this file is picked up from the root
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Mantine + React are one ~600 kB chunk that every page needs; pages are split off in App.tsx
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.COI_API_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
