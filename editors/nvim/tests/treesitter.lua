-- The tree-sitter part of the Neovim files (lua/koom/treesitter.lua), run by
-- ../test-headless.sh as
--   KOOM_REPO=… KOOM_TS=active   nvim --headless -u NONE -i NONE --cmd 'set rtp^=editors/nvim' --cmd 'set rtp+=SITE' -c 'luafile …/treesitter.lua'
--   KOOM_REPO=… KOOM_TS=fallback nvim --headless -u NONE -i NONE --cmd 'set rtp^=editors/nvim' -c 'luafile …/treesitter.lua'
-- where SITE holds what build-parser.sh builds (parser/koom.so, queries/koom/).
--
-- active:   a KOOM buffer is highlighted by the tree-sitter parser (and not by
--           the syntax file), the queries load and capture what they should,
--           every example but the syntax errors E0001/E0002 parses without
--           an error, g:koom_treesitter = 0 and stop() give the syntax file back.
-- fallback: without a parser on the runtimepath, the syntax file highlights.
--
-- Prints one line per check group and exits with :cquit when a check fails.

local repo = assert(os.getenv('KOOM_REPO'), 'KOOM_REPO is not set')
local mode = assert(os.getenv('KOOM_TS'), 'KOOM_TS is not set (active or fallback)')
local failures = {}
local function fail(message)
  table.insert(failures, message)
end
local function eq(actual, expected, what)
  if actual ~= expected then
    fail(string.format('%s: expected %s, got %s', what, vim.inspect(expected), vim.inspect(actual)))
  end
end
local function say(line)
  io.stdout:write(line .. '\n')
end
local function finish()
  for _, message in ipairs(failures) do
    say('FAIL ' .. message)
  end
  if #failures > 0 then
    say(string.format('%d failed', #failures))
    vim.cmd('cquit 1')
  end
  say('nvim tree-sitter (' .. mode .. '): all checks passed')
  vim.cmd('qall!')
end

vim.cmd('filetype plugin indent on')
vim.cmd('syntax on')
local ts = require('koom.treesitter')
local example = repo .. '/examples/raccoons.koom'
local function edit(path)
  vim.cmd('silent edit! ' .. vim.fn.fnameescape(path))
end

if mode == 'fallback' then
  vim.v.errmsg = ''
  edit(example)
  eq(vim.bo.filetype, 'koom', 'filetype')
  eq(vim.b.koom_treesitter, false, 'b:koom_treesitter without a parser')
  local reason = vim.b.koom_treesitter_reason or ''
  if not reason:find('parser/koom.so', 1, true) then
    fail('b:koom_treesitter_reason should name parser/koom.so, got ' .. vim.inspect(reason))
  end
  eq(ts.is_active(0), false, 'tree-sitter highlighter active without a parser')
  eq(vim.b.current_syntax, 'koom', 'b:current_syntax (the syntax file highlights)')
  eq(vim.fn.synIDattr(vim.fn.synID(1, 1, 1), 'name'), 'koomDeclaration', 'syntax group of `koom` on line 1')
  eq(vim.v.errmsg, '', 'v:errmsg')
  say('fallback: ' .. reason)
  finish()
  return
end

---------------------------------------------------------------------------
-- 1. The parser highlights the example
---------------------------------------------------------------------------
vim.v.errmsg = ''
edit(example)
eq(vim.bo.filetype, 'koom', 'filetype')
eq(vim.b.koom_treesitter, true, 'b:koom_treesitter (reason: ' .. tostring(vim.b.koom_treesitter_reason) .. ')')
eq(ts.is_active(0), true, 'tree-sitter highlighter active')
eq(vim.b.current_syntax, nil, 'b:current_syntax (the syntax file stands aside)')
eq(vim.fn.synID(1, 1, 1), 0, 'syntax item at 1:1 (no syntax file loaded)')
local parser = vim.treesitter.get_parser(0, 'koom')
eq(parser:lang(), 'koom', 'parser language')
local root = parser:parse()[1]:root()
eq(root:type(), 'source_file', 'root node')
eq(root:has_error(), false, 'the tree of examples/raccoons.koom has an error')
eq(vim.v.errmsg, '', 'v:errmsg after loading the example')
say(string.format('example: tree-sitter active, root %s with %d children, has_error=%s',
  root:type(), root:named_child_count(), tostring(root:has_error())))

---------------------------------------------------------------------------
-- 2. The queries load and capture what they should
---------------------------------------------------------------------------
local get_query = vim.treesitter.query.get or vim.treesitter.query.get_query
for _, name in ipairs({ 'highlights', 'locals', 'folds', 'indents' }) do
  local ok, query = pcall(get_query, 'koom', name)
  if not ok or query == nil then
    fail('query ' .. name .. ' does not load: ' .. tostring(query))
  end
end
-- The capture of the first node that starts at (row, col), 0-based.
local highlights = get_query('koom', 'highlights')
local function capture_at(row, col)
  for id, node in highlights:iter_captures(root, 0, row, row + 1) do
    local r, c = node:range()
    if r == row and c == col then
      return highlights.captures[id]
    end
  end
end
local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local function find(pattern)
  for i, line in ipairs(lines) do
    local col = line:find(pattern)
    if col then
      return i - 1, col - 1
    end
  end
  error('no line matches ' .. pattern)
end
local expectations = {
  { '^koom', 'keyword.storage' },
  { '"Raccoons Inc."', 'string' },
  { 'operations "Rita', 'module' },
  { 'overhead ', 'property' },
  { 'USD/month', 'type' },
  { 'lower', 'constant.builtin' },
  { '480k', 'number' },
  { '^cycle', 'keyword' },
  { '2026%-Q1', 'constant' },
  { '%-12%%', 'number.float' },
  { '>=', 'operator' },
  { '# The spine', 'comment' },
}
for _, e in ipairs(expectations) do
  local row, col = find(e[1])
  eq(capture_at(row, col), e[2], string.format('capture of %q at %d:%d', e[1], row + 1, col + 1))
end
-- The Vim group each capture is drawn with.
if vim.fn.has('nvim-0.8') == 1 then
  eq(vim.fn.hlexists('@module.koom'), 1, 'highlight group @module.koom')
else
  local hl_map = vim.treesitter.highlighter.hl_map
  eq(hl_map['module'], 'Identifier', 'hl_map module')
  eq(hl_map['keyword.storage'], 'StorageClass', 'hl_map keyword.storage')
  eq(hl_map['number.float'], 'Float', 'hl_map number.float')
end
say(string.format('queries: highlights, locals, folds, indents load; %d captures checked', #expectations))

---------------------------------------------------------------------------
-- 3. Folds from the tree
---------------------------------------------------------------------------
local cycle_row = find('^cycle')
local to_row = find('^  to operations')
eq(ts.foldexpr(cycle_row + 1), '>1', 'foldexpr on the cycle line')
eq(ts.foldexpr(to_row + 1), '>2', 'foldexpr on a to block line')
eq(ts.foldexpr(1), '0', 'foldexpr on line 1')
say('folds: foldexpr follows the { … } blocks')

---------------------------------------------------------------------------
-- 4. Every example parses; the syntax errors do not
---------------------------------------------------------------------------
local parsed, refused = 0, 0
for _, path in ipairs(vim.fn.glob(repo .. '/examples/**/*.koom', false, true)) do
  edit(path)
  local name = vim.fn.fnamemodify(path, ':t')
  if not ts.is_active(0) then
    fail('tree-sitter not active in ' .. path .. ': ' .. tostring(vim.b.koom_treesitter_reason))
  else
    local has_error = vim.treesitter.get_parser(0, 'koom'):parse()[1]:root():has_error()
    if name:match('^E0001') or name:match('^E0002') then
      eq(has_error, true, 'the tree of ' .. path .. ' (a syntax error) has an error')
      refused = refused + 1
    else
      eq(has_error, false, 'the tree of ' .. path .. ' has an error')
      parsed = parsed + 1
    end
  end
end
eq(vim.v.errmsg, '', 'v:errmsg after the examples')
say(string.format('examples: %d parse without an error, %d syntax errors have one', parsed, refused))

---------------------------------------------------------------------------
-- 5. The way back to the syntax file
---------------------------------------------------------------------------
edit(example)
ts.stop(0)
eq(ts.is_active(0), false, 'tree-sitter highlighter after stop()')
eq(vim.b.current_syntax, 'koom', 'b:current_syntax after stop()')
vim.g.koom_treesitter = 0
-- A buffer not opened before, so that its ftplugin runs now.
local fresh = vim.fn.tempname() .. '.koom'
vim.fn.writefile(vim.fn.readfile(example), fresh)
edit(fresh)
eq(vim.b.koom_treesitter, false, 'b:koom_treesitter with g:koom_treesitter = 0')
eq(vim.b.current_syntax, 'koom', 'b:current_syntax with g:koom_treesitter = 0')
vim.g.koom_treesitter = nil
vim.fn.delete(fresh)
eq(vim.v.errmsg, '', 'v:errmsg at the end')
say('opt-out: stop() and g:koom_treesitter = 0 give the syntax file back')

finish()
