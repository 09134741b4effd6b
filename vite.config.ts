import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where `vite` (the dev server) finds the API: the Hearth server started with `npm run dev`.
const api = process.env.HEARTH_API ?? 'http://127.0.0.1:3000';
const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react(), tailwindcss()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; harmless, and not ours to fix.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  server: {
    // The API refuses cookie-authenticated requests from another Origin, so the dev proxy
    // presents the API's own origin.
    proxy: {
      '/api': { target: api, changeOrigin: true, headers: { origin: api } },
      '/socket.io': { target: api, changeOrigin: true, ws: true, headers: { origin: api } },
    },
  },
});
