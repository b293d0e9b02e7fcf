// Lets the bench scripts load the TypeScript sources and the test harness directly (types are
// stripped by @swc/core, as jest does), so bench and tests run the very same code.
const fs = require('fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { code } = transformSync(source, {
		filename,
		jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
		module: { type: 'commonjs' },
		sourceMaps: 'inline',
	});
	module._compile(code, filename);
};

// Resolution tries extensions in insertion order: put .ts before .json so that
// `./Loops.node` finds Loops.node.ts, not the codex file Loops.node.json (jest's order too).
for (const extension of ['.json', '.node']) {
	const loader = require.extensions[extension];
	delete require.extensions[extension];
	require.extensions[extension] = loader;
}
