; Indentation for KOOM (tree-sitter-koom): one level inside each `{ … }`
; block, and the line of its `}` back at the level of the block's first line
; (two spaces a level is koomc's canonical layout).
;
; Editors name the same idea differently, so each pattern carries the
; captures of three conventions at once; each editor ignores the names it does
; not know:
;   nvim-treesitter  @indent.begin on the block, @indent.branch / @indent.end on `}`
;   Helix            @indent on the block, @outdent on `}`
;   Zed              @indent on the block, @end on `}`

(cycle
  "}" @indent.branch @indent.end @outdent @end) @indent.begin @indent

(to_block
  "}" @indent.branch @indent.end @outdent @end) @indent.begin @indent

(refused_block
  "}" @indent.branch @indent.end @outdent @end) @indent.begin @indent
