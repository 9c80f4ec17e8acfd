// Checks that the grammar tests cover what they must: every keyword of
// ../../keywords.txt asserted with a keyword scope on the keyword itself,
// every literal kind's scope asserted at least once, and every comparison
// operator. Run by test-grammar.sh after the tests themselves.
'use strict';
const fs = require('fs');
const path = require('path');
const { parseGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index');

const here = __dirname;
const keywords = fs
  .readFileSync(path.join(here, '..', '..', 'keywords.txt'), 'utf8')
  .split('\n')
  .filter((w) => w !== '');
const keywordScopes = [
  'storage.type.declaration.koom',
  'keyword.control.cycle.koom',
  'keyword.other.directive.koom',
  'storage.modifier.annotation.koom',
  'invalid.illegal.refused.koom',
];
const literalScopes = [
  'comment.line.number-sign.koom',
  'punctuation.definition.comment.koom',
  'string.quoted.double.koom',
  'constant.character.escape.koom',
  'invalid.illegal.unknown-escape.koom',
  'constant.numeric.decimal.koom',
  'storage.type.numeric.suffix.koom',
  'constant.numeric.date.koom',
  'constant.other.cycle-id.koom',
  'keyword.other.unit.koom',
  'keyword.other.unit.percent.koom',
  'keyword.other.unit.pp.koom',
  'constant.numeric.change.koom',
  'keyword.operator.comparison.koom',
  'constant.other.escalation-id.koom',
  'constant.language.better.koom',
  'variable.other.name.koom',
  'invalid.illegal.refused.koom',
];
const comparisons = ['<', '<=', '>', '>=', '='];

// Every (asserted text, required scopes) pair in the test files.
const asserted = [];
for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.koom'))) {
  const tc = parseGrammarTestCase(fs.readFileSync(path.join(here, file), 'utf8'));
  for (const { sourceLineNumber, scopeAssertions } of tc.assertions) {
    const line = tc.source[sourceLineNumber];
    for (const a of scopeAssertions) {
      asserted.push({ text: line.slice(a.from, a.to), scopes: a.scopes });
    }
  }
}

const problems = [];
for (const word of keywords) {
  const ok = asserted.some((a) => a.text === word && a.scopes.some((s) => keywordScopes.includes(s)));
  if (!ok) problems.push(`keyword \`${word}\` has no assertion with a keyword scope`);
}
for (const scope of literalScopes) {
  if (!asserted.some((a) => a.scopes.includes(scope))) problems.push(`no assertion requires ${scope}`);
}
for (const op of comparisons) {
  const ok = asserted.some((a) => a.text === op && a.scopes.includes('keyword.operator.comparison.koom'));
  if (!ok) problems.push(`comparison \`${op}\` is not asserted`);
}

if (problems.length > 0) {
  for (const p of problems) console.log(`ERROR coverage: ${p}`);
  process.exit(1);
}
console.log(
  `coverage: ${keywords.length} keywords, ${literalScopes.length} literal scopes, ` +
    `${comparisons.length} comparisons asserted (${asserted.length} assertions)`,
);
