// How the JS driver is bundled with the wasm-bindgen glue: the esbuild options
// `npm run build` uses for every entry, and that benches/crates.mjs uses for
// its spike builds so that both measure the same bundle.
export const glueOptions = {
  bundle: true,
  minifyWhitespace: true,
  minifySyntax: true,
  // The driver (driver/clients.js) names its public classes itself (`KindeUsersApi.name`),
  // which costs far less than esbuild's keepNames.
  minifyIdentifiers: true,
  legalComments: 'none',
  // wasm-bindgen lists the snippet module once per import it takes from it.
  logOverride: { 'duplicate-object-key': 'silent' },
  logLevel: 'warning',
  target: 'es2022',
};
