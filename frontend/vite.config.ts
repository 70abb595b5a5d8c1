import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Go embeds frontend/dist (//go:embed all:frontend/dist), so the folder must
// exist in a fresh clone: vite empties dist/ on every build, and this puts
// the committed placeholder back afterwards.
function keepGitkeep(): Plugin {
  return {
    name: 'themis-keep-gitkeep',
    apply: 'build',
    closeBundle() {
      const dist = fileURLToPath(new URL('./dist/', import.meta.url));
      mkdirSync(dist, { recursive: true });
      writeFileSync(dist + '.gitkeep', '');
    },
  };
}

export default defineConfig(({ mode }) => {
  // vitest bench (mode "benchmark") measures what ships: Svelte compiled and
  // resolved for production. In development mode Svelte records a stack
  // trace for every effect, and vitest maps each through the source maps,
  // which made a repaint of the Themes tab several times slower in jsdom.
  if (mode === 'benchmark') process.env.NODE_ENV = 'production';
  return {
    plugins: [svelte(), svelteTesting(), keepGitkeep()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
    },
    server: {
      port: 5173,
      strictPort: false,
    },
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.ts'],
    },
  };
});
