; Folds for KOOM (tree-sitter-koom): every `{ … }` block.
[
  (cycle)
  (to_block)
  (refused_block)
] @fold
