; The outline of a KOOM file for Zed (tree-sitter-koom): declarations, cycles,
; `to` blocks and goals with an id.
(unit_declaration
  layer: _ @context
  name: (name) @name) @item

(metric_declaration
  "metric" @context
  name: (name) @name) @item

(cycle
  "cycle" @context
  name: (_) @name) @item

(to_block
  "to" @context
  unit: (name) @name) @item

(goal
  "goal" @context
  name: (name) @name) @item
