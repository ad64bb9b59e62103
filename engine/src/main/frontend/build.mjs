// Bundles the administrators' modeler (bpmn-js, dmn-js, their properties panels and Camunda's moddle extensions)
// into one script and one stylesheet, the form editor (form-js's editor) into another pair, and the pages' own stylesheet (src/css/muniflow.css with the Digital Agency's
// design tokens from @digital-go-jp/design-tokens) into css/muniflow.css beside it. The Maven build runs it with the
// output folder target/classes/static/modeler, so the pages' stylesheet lands in target/classes/static/css.
import * as esbuild from 'esbuild';
import * as path from 'node:path';

const outdir = process.argv[2] || 'dist/modeler';

// the one stylesheet of the staff and secretariat pages: the tokens' custom properties inlined, not minified, so
// that what the browser gets reads like its source
await esbuild.build({
  entryPoints: ['src/css/muniflow.css'],
  bundle: true,
  outfile: path.join(outdir, '..', 'css', 'muniflow.css'),
  legalComments: 'inline',
  logLevel: 'warning'
});

await esbuild.build({
  entryPoints: ['src/modeler.js', 'src/form-editor.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: 'assets/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning'
});
