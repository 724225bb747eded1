/**
 * Build of the web app: sources in web/, output in web/dist (served by the API server). The pure
 * domain helpers in src/domain/ are shared with the server through the `@domain` alias.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const domainRoot = fileURLToPath(new URL('../src/domain', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: { alias: { '@domain': domainRoot } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    fs: { allow: [webRoot, domainRoot, fileURLToPath(new URL('../node_modules', import.meta.url))] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
