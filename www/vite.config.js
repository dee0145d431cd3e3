// The console's build: plain Vite. JSX is compiled by Vite's own transform
// (Oxc in Vite 8, which replaced esbuild's `jsx`/`jsxImportSource` settings)
// with Preact's automatic runtime; see "The admin console" in the README for
// why not @preact/preset-vite.
export default {
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 400 },
};
