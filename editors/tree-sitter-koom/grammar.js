/**
 * @file tree-sitter grammar for KOOM, the directive language that koomc compiles.
 * @license MIT OR Apache-2.0
 *
 * The language is defined by `shared/spec/language.md`; the grammar of record is
 * koomc's pest grammar, `grammar/koom.pest`. This grammar follows it rule for
 * rule (see README.md for the mapping and the few places it differs) and, like
 * it, is lenient about literals: numbers, dates, units and names are loose
 * tokens, validated by koomc, so that an editor shows a clean tree for a file
 * that koomc refuses with a precise message rather than a syntax error.
 *
 * Regenerate with `tree-sitter generate` (see README.md); `test.sh` checks that
 * the committed `src/` is what this file generates.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

// Keywords: every string of this grammar that looks like a word is one of the
// words of the pest grammar's `keyword` rule, and every one of those words is
// used here (tests/integration/tree_sitter.rs checks that the two sets agree).
// As in pest, a keyword is a keyword where the grammar expects it and a name
// elsewhere (`manager goal` declares a unit `goal`): koomc refuses a keyword
// used as a name when it builds the AST, with its own message. (tree-sitter's
// `reserved` word sets would reserve them outright, but only parsers of ABI 15
// honour them, and Neovim 0.7's tree-sitter loads ABI 14 at most.)

// The forms the executive layer does not own (spec section 5).
const REFUSED = ['task', 'step', 'workflow', 'procedure', 'process', 'standard', 'training', 'assign'];

/**
 * One or more `rule`s separated by commas.
 * @param {RuleOrLiteral} rule
 */
function commaSep1(rule) {
  return seq(rule, repeat(seq(',', rule)));
}

module.exports = grammar({
  name: 'koom',

  // Newlines are whitespace, as in pest, except inside a refused form.
  extras: $ => [/\s/, $.suppression_comment, $.comment],

  // Keyword extraction: a word is lexed as a name, then as a keyword where
  // one is expected.
  word: $ => $.name,

  rules: {
    // `koom 1.0`, then file-level statements. An empty file (or one with only
    // comments) is an empty tree; a file without its header is an error, as
    // for koomc (E0002).
    source_file: $ => optional(seq($.header, repeat($._item))),

    header: $ => seq('koom', field('version', $.version)),
    version: _ => /\d+(\.\d+)*/,

    // -----------------------------------------------------------------------
    // File level
    // -----------------------------------------------------------------------

    _item: $ => choice(
      $.use_declaration,
      $.org_declaration,
      $.revision_declaration,
      $.executive_declaration,
      $.unit_declaration,
      $.metric_declaration,
      $.cycle,
      $.refused,
    ),

    // `use "shared/org.koom"`
    use_declaration: $ => seq('use', field('path', $.string)),
    // `org "Raccoons Inc."`
    org_declaration: $ => seq('org', field('name', $.string)),
    // `revision 2026-01-02`
    revision_declaration: $ => seq('revision', field('date', $.date)),
    // `executive "Coco Raccoon"`
    executive_declaration: $ => seq('executive', field('name', $.string)),

    // `manager operations "Rita Ringtail"`, `coe quality "Quality CoE"`,
    // `worker night-shift under operations`: a unit of the spine.
    unit_declaration: $ => choice(
      seq(
        field('layer', choice('manager', 'coe')),
        field('name', $.name),
        optional(field('lead', $.string)),
      ),
      seq(
        field('layer', 'worker'),
        field('name', $.name),
        optional(seq('under', field('manager', $.name))),
      ),
    ),

    // `metric overhead unit USD/month better lower baseline 480k [per unit]`
    metric_declaration: $ => seq(
      'metric',
      field('name', $.name),
      repeat(choice(
        seq('unit', field('unit', $.unit)),
        seq('better', field('better', $.better_direction)),
        seq('baseline', field('baseline', $._threshold)),
        field('per_unit', $.per_unit),
      )),
    ),
    // A pattern, not two strings: `higher` and `lower` are not keywords.
    better_direction: _ => /higher|lower/,
    per_unit: _ => seq('per', 'unit'),

    // -----------------------------------------------------------------------
    // Cycles
    // -----------------------------------------------------------------------

    // `cycle 2026-Q1 { … }`, `cycle launch from 2026-02-01 to 2026-05-31 { … }`
    cycle: $ => seq(
      'cycle',
      field('name', choice($.cycle_id, $.name)),
      optional(seq('from', field('start', $.date), 'to', field('end', $.date))),
      '{',
      repeat($._cycle_item),
      '}',
    ),
    // `2026`, `2026-Q1`, `2026-H2`
    cycle_id: _ => /\d+(-[A-Za-z0-9]+)?/,

    _cycle_item: $ => choice(
      $._directive,
      $.to_block,
      $.priority,
      $.align,
      $.allocate_tech,
      $.window,
      $.budget,
      $.direction,
      $.resolve,
      $.refused,
    ),

    // `window 2026-01-01 to 2026-01-09`
    window: $ => seq('window', field('start', $.date), 'to', field('end', $.date), repeat($._annotation)),
    // `budget 300k USD`
    budget: $ => seq('budget', field('amount', $.quantity), repeat($._annotation)),
    // `direction "…"`
    direction: $ => seq('direction', field('text', $.string), repeat($._annotation)),
    // `priority 1 throughput`: a metric or a goal id.
    priority: $ => seq(
      'priority',
      field('rank', alias(/\d+/, $.number)),
      field('target', $.name),
      repeat($._annotation),
    ),
    // `align operations, logistics on throughput`
    align: $ => seq(
      'align',
      commaSep1(field('unit', $.name)),
      'on',
      field('metric', $.name),
      repeat($._annotation),
    ),
    // `resolve ESC-7 for operations, logistics: "…"`
    resolve: $ => seq(
      'resolve',
      field('escalation', $.escalation_id),
      'for',
      commaSep1(field('unit', $.name)),
      ':',
      field('text', $.string),
    ),
    escalation_id: _ => /[A-Za-z0-9]+(-[A-Za-z0-9]+)*/,

    // `to operations, logistics { … }`
    to_block: $ => seq(
      'to',
      commaSep1(field('unit', $.name)),
      '{',
      repeat(choice($._directive, $.allocate_tech, $.refused)),
      '}',
    ),

    // -----------------------------------------------------------------------
    // Directives
    // -----------------------------------------------------------------------

    _directive: $ => choice($.goal, $.constraint, $.outcome, $.allocate),

    // `[urgent] goal [ID:] METRIC CMP QUANTITY [by DATE]`
    goal: $ => seq(
      optional(field('urgent', 'urgent')),
      'goal',
      optional(seq(field('name', $.name), ':')),
      field('metric', $.name),
      field('comparator', $.comparator),
      field('threshold', $._threshold),
      optional($._by_date),
      repeat($._annotation),
    ),

    // `constraint overhead -12% keep throughput`, `constraint overhead <= 400k USD/month`
    constraint: $ => seq(
      optional(field('urgent', 'urgent')),
      'constraint',
      field('metric', $.name),
      choice(
        field('change', $.change),
        seq(field('comparator', $.comparator), field('threshold', $._threshold)),
      ),
      optional($._by_date),
      optional(field('keep', $.keep)),
      repeat($._annotation),
    ),
    keep: $ => seq('keep', commaSep1(field('metric', $.name))),

    // `outcome "Quality variance must drop below 3%." [by DATE]`
    outcome: $ => seq(
      optional(field('urgent', 'urgent')),
      'outcome',
      field('text', $.string),
      optional($._by_date),
      repeat($._annotation),
    ),

    // `allocate 180k USD to operations for throughput`
    allocate: $ => seq(
      'allocate',
      field('amount', $.quantity),
      'to',
      field('unit', $.name),
      optional(seq('for', field('target', $.name))),
      repeat($._annotation),
    ),
    // `allocate tech "Forecasting platform" to logistics for on-time-delivery`
    allocate_tech: $ => seq(
      'allocate',
      'tech',
      field('technology', $.string),
      'to',
      field('unit', $.name),
      optional(seq('for', field('target', $.name))),
      repeat($._annotation),
    ),

    _by_date: $ => seq('by', field('deadline', $.date)),

    // `< <= > >= =`
    comparator: _ => choice('<=', '>=', '<', '>', '='),

    // A threshold after a comparator may be negative (spec section 2):
    // `goal net-cash-flow >= -200k USD/month`.
    _threshold: $ => alias($._signed_quantity, $.quantity),
    _signed_quantity: $ => seq(
      field('value', choice($.number, alias($._signed_number, $.number))),
      optional($._quantity_unit),
    ),

    // A signed change: `-12%`, `+2pp`, `-40k USD/month`.
    change: $ => seq(
      field('value', alias($._signed_number, $.number)),
      optional($._quantity_unit),
    ),

    _annotation: $ => choice($.because, $.ai),
    // `because "On-time delivery fell to 88% in March."`
    because: $ => seq('because', field('text', $.string)),
    // `ai draft`: any word, so that koomc can refuse a use it does not permit
    // (`ai advise`, even `ai workflow`) with its own message.
    ai: $ => seq('ai', field('use', alias($.name, $.ai_use))),

    // -----------------------------------------------------------------------
    // Refused forms (spec section 5): the keyword, the rest of its line, and
    // one `{ … }` block opened on that line. Nothing inside is parsed.
    // -----------------------------------------------------------------------

    refused: $ => seq(
      field('keyword', alias(choice(...REFUSED), $.refused_keyword)),
      optional(field('text', $.refused_text)),
      optional(field('body', $.refused_block)),
    ),
    refused_text: _ => token.immediate(/[^\r\n{}]+/),
    refused_block: $ => seq(
      alias(token.immediate('{'), '{'),
      repeat($._block_content),
      '}',
    ),
    _block_content: $ => choice(
      $._block_text,
      seq('{', repeat($._block_content), '}'),
    ),
    // Inside a block `#` is text, as in pest's atomic `brace_block`.
    _block_text: _ => token(prec(1, /[^{}]+/)),

    // -----------------------------------------------------------------------
    // Literals and names (validated by koomc)
    // -----------------------------------------------------------------------

    // `night-shift` (koomc checks the kebab case, and that it is no keyword).
    name: _ => /[A-Za-z][A-Za-z0-9_-]*/,

    // `"Raccoons Inc."`: one line, with `\"` and `\\` (koomc refuses other
    // escapes, so any escape is a node here and the checker judges it).
    string: $ => seq(
      '"',
      repeat(choice($._string_content, $.escape_sequence)),
      token.immediate('"'),
    ),
    _string_content: _ => token.immediate(prec(1, /[^"\\\r\n]+/)),
    escape_sequence: _ => token.immediate(/\\[^\r\n]/),

    // `1300 crates/week`, `96%`, `180k USD`, `12 incidents/1000`
    quantity: $ => seq(field('value', $.number), optional($._quantity_unit)),
    _quantity_unit: $ => choice(
      field('unit', alias(token.immediate('%'), $.unit)),
      field('unit', alias($._word_unit, $.unit)),
    ),

    // `1200`, `1_200`, `4.2`, `250k`, `1.2m` (and, loosely, `12kk`, which
    // koomc refuses with E0003).
    number: _ => /\d([A-Za-z0-9_]|\.\d)*/,
    _signed_number: _ => /[+-]\d([A-Za-z0-9_]|\.\d)*/,

    // `%`, `USD`, `people`, `crates/week`, `USD/month`, `incidents/1000`,
    // `bags/100k`. A unit word is never a keyword: `goal t >= 5 by …`.
    unit: $ => choice('%', $._word_unit),
    _word_unit: $ => seq(
      alias($.name, 'unit_word'),
      optional(token.immediate(/\/[A-Za-z0-9\/_-]*/)),
    ),

    // `2026-03-31` (koomc checks that the day exists).
    date: _ => /\d+(-\d+)*/,

    // `# …` to the end of the line.
    comment: _ => token(seq('#', /[^\r\n]*/)),
    // `# koom: allow vague-term`: silences one diagnostic (spec section 6).
    suppression_comment: _ => token(prec(1, seq('#', /[ \t]*koom:[^\r\n]*/))),
  },
});
