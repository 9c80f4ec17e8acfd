// Tokenizes every example of the repository (examples/**/*.koom) with the
// grammar, as VS Code would, and fails when a piece of text gets no scope
// but source.koom (a form the grammar does not know), or when an example
// outside examples/errors/ gets an invalid.illegal scope. Run by
// test-grammar.sh.
'use strict';
const fs = require('fs');
const path = require('path');
const tm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.join(__dirname, '..', '..', '..');
const grammarPath = path.join(__dirname, '..', 'syntaxes', 'koom.tmLanguage.json');

function koomFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return koomFiles(full);
    return entry.name.endsWith('.koom') ? [full] : [];
  });
}

async function main() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.koom'
        ? tm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  const grammar = await registry.loadGrammar('source.koom');

  const files = koomFiles(path.join(root, 'examples')).sort();
  const problems = [];
  let lines = 0;
  for (const file of files) {
    const name = path.relative(root, file);
    const isError = name.split(path.sep).includes('errors');
    let stack = tm.INITIAL;
    fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
      lines++;
      const result = grammar.tokenizeLine(line, stack);
      stack = result.ruleStack;
      for (const token of result.tokens) {
        const text = line.slice(token.startIndex, token.endIndex);
        if (text.trim() === '') continue;
        const where = `${name}:${i + 1}:${token.startIndex + 1}`;
        if (token.scopes.length === 1) problems.push(`${where} ${JSON.stringify(text)} has no scope`);
        if (!isError && token.scopes.some((s) => s.startsWith('invalid.illegal'))) {
          problems.push(`${where} ${JSON.stringify(text)} is marked invalid: ${token.scopes.join(' ')}`);
        }
      }
    });
  }
  if (problems.length > 0) {
    for (const p of problems) console.log(`ERROR examples: ${p}`);
    process.exit(1);
  }
  console.log(`examples: ${files.length} files, ${lines} lines tokenized, every token scoped`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
