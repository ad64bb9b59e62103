// Bundles the administrators' modeler (bpmn-js, dmn-js, their properties panels and Camunda's moddle extensions)
// into one script and one stylesheet, and the form editor (form-js's editor) into another pair. The Maven build runs it with the output folder target/classes/static/modeler.
import * as esbuild from 'esbuild';

const outdir = process.argv[2] || 'dist';

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
