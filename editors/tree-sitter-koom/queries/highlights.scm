; Highlighting for KOOM (tree-sitter-koom). Capture names follow the common
; tree-sitter convention (nvim-treesitter, Zed and Helix read them; an editor
; that lacks a name falls back to its prefix: `keyword.storage` to `keyword`).
; The groups mirror editors/nvim/syntax/koom.vim and the TextMate scopes.
; Every pattern captures a leaf, and no two patterns capture the same node, so
; the result does not depend on whether an editor lets the first or the last
; matching pattern win.

; Comments -------------------------------------------------------------------

(comment) @comment

; `# koom: allow vague-term` silences one diagnostic: a pragma.
(suppression_comment) @keyword.directive

; Keywords -------------------------------------------------------------------

; Declarations (file level).
[
  "koom"
  "org"
  "revision"
  "executive"
  "manager"
  "coe"
  "worker"
  "under"
  "metric"
  "unit"
  "better"
  "baseline"
  "per"
] @keyword.storage

"use" @keyword.import

; Cycles.
[
  "cycle"
  "from"
  "to"
  "window"
  "budget"
  "direction"
  "priority"
  "align"
  "on"
  "resolve"
  "for"
] @keyword

; Directives.
[
  "urgent"
  "goal"
  "constraint"
  "keep"
  "outcome"
  "allocate"
  "tech"
  "by"
] @keyword

; Annotations.
[
  "because"
  "ai"
] @keyword.modifier

; The forms the executive layer does not own (spec section 5): koomc refuses
; them, so they look like an error.
(refused_keyword) @error

; Names ----------------------------------------------------------------------

; Units of the spine (manager, CoE and worker units).
(unit_declaration name: (name) @module)
(unit_declaration manager: (name) @module)
(to_block unit: (name) @module)
(align unit: (name) @module)
(resolve unit: (name) @module)
(allocate unit: (name) @module)
(allocate_tech unit: (name) @module)

; Metrics.
(metric_declaration name: (name) @property)
(align metric: (name) @property)
(goal metric: (name) @property)
(constraint metric: (name) @property)
(keep metric: (name) @property)

; A priority or allocation target: a metric or a goal id.
(priority target: (name) @property)
(allocate target: (name) @property)
(allocate_tech target: (name) @property)

; Goal ids and named cycles.
(goal name: (name) @label)
(cycle name: (name) @label)

; Literals -------------------------------------------------------------------

(string) @string
(escape_sequence) @string.escape

(version) @number
(quantity value: (number) @number)
(change value: (number) @number.float)
(priority rank: (number) @number)
(date) @number
(unit) @type

(cycle_id) @constant
(escalation_id) @constant
(better_direction) @constant.builtin

; The uses of AI that the seed permits (spec section 8); any other is refused.
((ai_use) @constant.builtin
  (#any-of? @constant.builtin "summarize" "draft" "scenario" "explore" "expand" "interpret"))
((ai_use) @error
  (#not-any-of? @error "summarize" "draft" "scenario" "explore" "expand" "interpret"))

; Punctuation ----------------------------------------------------------------

(comparator) @operator

[
  "{"
  "}"
] @punctuation.bracket

[
  ","
  ":"
] @punctuation.delimiter
