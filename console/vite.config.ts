import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The staff console, served at /console/ by the local server and, in AWS, by CloudFront. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed file names under assets/ are served with immutable caching.
    assetsDir: 'assets',
  },
});
