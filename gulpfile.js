// Build steps that tsc does not do: clear dist/ before a build and copy the node and credential
// icons next to the compiled files, where n8n looks for them ("file:loops.svg").
const path = require('path');
const fs = require('fs');
const { task, src, dest, series } = require('gulp');

function clean(done) {
	fs.rmSync(path.resolve(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

function copyNodeIcons() {
	return src('nodes/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialIcons() {
	return src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));
}

task('clean', clean);
task('build:icons', series(copyNodeIcons, copyCredentialIcons));
