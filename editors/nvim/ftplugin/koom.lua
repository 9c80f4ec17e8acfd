-- Editing settings for KOOM files (the directive language that koomc compiles).
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

local bo = vim.bo
bo.commentstring = '# %s'
bo.comments = ':#'
-- Canonical layout: two spaces per `{ … }` level (koomc's formatter writes it so).
bo.expandtab = true
bo.shiftwidth = 2
bo.softtabstop = 2
-- Names are kebab-case: `on-time-delivery` is one word for `w`, `*` and completion.
bo.iskeyword = '@,48-57,_,192-255,-'
-- Continue `#` comments on <Enter> and `o`; wrap comments, never code.
bo.formatoptions = bo.formatoptions:gsub('t', '') .. 'cqroj'

vim.b.undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop<'
  .. ' iskeyword< formatoptions<'

-- Highlighting by the tree-sitter parser where this Neovim and a built parser
-- allow it (lua/koom/treesitter.lua, editors/nvim/build-parser.sh); otherwise
-- syntax/koom.vim does it. `let g:koom_treesitter = 0` keeps the syntax file.
require('koom.treesitter').attach(0)
