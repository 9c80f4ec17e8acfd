; Bracket pairs for Zed (tree-sitter-koom).
("{" @open "}" @close)
(string "\"" @open "\"" @close)
