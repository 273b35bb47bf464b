// Vite: a static single-page build; the API's URL comes from VITE_API_URL at build time (see .env).
import { defineConfig } from 'vite';

export default defineConfig({
  build: { target: 'es2022', sourcemap: true },
  preview: { strictPort: false },
});
