-- Tree-sitter highlighting for KOOM buffers, where Neovim supports it.
--
-- ftplugin/koom.lua calls attach() for every `koom` buffer. When
-- vim.treesitter is there and a compiled parser/koom.so and
-- queries/koom/highlights.scm are on the 'runtimepath' (editors/nvim/build-parser.sh
-- puts both into editors/nvim), the buffer is highlighted by the tree-sitter
-- parser of editors/tree-sitter-koom and the Vim syntax file stands aside.
-- Otherwise nothing changes: syntax/koom.vim highlights the buffer as before.
--
--   let g:koom_treesitter = 0       (or vim.g.koom_treesitter = false) never uses it
--   :lua require('koom.treesitter').stop()   goes back to the syntax file in this buffer
--
-- Written against Neovim 0.7's API (vim.treesitter.language.require_language,
-- vim.treesitter.highlighter.new); on 0.8 and later vim.treesitter.start, and on
-- 0.9 and later vim.treesitter.language.add, are used instead.

local M = {}

M.lang = 'koom'

-- The Vim groups that the queries' captures stand for, after syntax/koom.vim.
-- Neovim 0.7 maps captures through vim.treesitter.highlighter.hl_map (a
-- capture it lacks falls back to its prefix); 0.8 and later link the groups
-- `@capture.koom`.
M.groups = {
  ['comment'] = 'Comment',
  ['keyword.directive'] = 'PreProc',
  ['keyword.storage'] = 'StorageClass',
  ['keyword.import'] = 'StorageClass',
  ['keyword'] = 'Keyword',
  ['keyword.modifier'] = 'PreProc',
  ['error'] = 'Error',
  ['module'] = 'Identifier',
  ['property'] = 'Identifier',
  ['label'] = 'Identifier',
  ['string'] = 'String',
  ['string.escape'] = 'SpecialChar',
  ['number'] = 'Number',
  ['number.float'] = 'Float',
  ['type'] = 'Type',
  ['constant'] = 'Constant',
  ['constant.builtin'] = 'Constant',
  ['operator'] = 'Operator',
  ['punctuation.bracket'] = 'Delimiter',
  ['punctuation.delimiter'] = 'Delimiter',
}

local groups_linked = false
local function link_groups()
  if groups_linked then
    return
  end
  groups_linked = true
  local highlighter = vim.treesitter.highlighter
  if vim.fn.has('nvim-0.8') == 1 then
    for capture, group in pairs(M.groups) do
      vim.api.nvim_set_hl(0, '@' .. capture .. '.' .. M.lang, { link = group, default = true })
    end
  elseif highlighter and highlighter.hl_map then
    -- hl_map is shared by every language: add only what it lacks.
    for capture, group in pairs(M.groups) do
      if rawget(highlighter.hl_map, capture) == nil then
        rawset(highlighter.hl_map, capture, group)
      end
    end
  end
end

local function has_runtime_file(name)
  return #vim.api.nvim_get_runtime_file(name, false) > 0
end

local function add_language()
  local language = vim.treesitter.language
  if language.add then
    -- 0.9 and later: raises (0.9) or returns nil and a message (0.10+).
    local ok, result, message = pcall(language.add, M.lang)
    if not ok then
      return false, tostring(result)
    end
    if result == nil and message ~= nil then
      return false, message
    end
    return true
  end
  local ok, err = pcall(language.require_language, M.lang, nil, false)
  if not ok then
    return false, tostring(err)
  end
  return true
end

--- Whether tree-sitter highlighting can be used: true, or false and why not.
function M.available()
  if vim.g.koom_treesitter == false or vim.g.koom_treesitter == 0 then
    return false, 'g:koom_treesitter is off'
  end
  if vim.treesitter == nil or vim.treesitter.get_parser == nil or vim.treesitter.language == nil then
    return false, 'this Neovim has no vim.treesitter'
  end
  if not has_runtime_file('parser/' .. M.lang .. '.so') then
    return false, 'no parser/koom.so on the runtimepath (run editors/nvim/build-parser.sh)'
  end
  if not has_runtime_file('queries/' .. M.lang .. '/highlights.scm') then
    return false, 'no queries/koom/highlights.scm on the runtimepath (run editors/nvim/build-parser.sh)'
  end
  return add_language()
end

--- Starts tree-sitter highlighting in a buffer. Returns true, or false and
--- the reason; b:koom_treesitter is set to match (b:koom_treesitter_reason
--- holds the reason).
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local ok, reason = M.available()
  if ok then
    link_groups()
    -- b:koom_treesitter first: syntax/koom.vim stands aside when it is set.
    vim.b[bufnr].koom_treesitter = true
    local started, err = pcall(function()
      if vim.treesitter.start then
        vim.treesitter.start(bufnr, M.lang)
      else
        vim.treesitter.highlighter.new(vim.treesitter.get_parser(bufnr, M.lang))
      end
    end)
    if not started then
      ok, reason = false, tostring(err)
    end
  end
  if not ok then
    vim.b[bufnr].koom_treesitter = false
    vim.b[bufnr].koom_treesitter_reason = reason
    return false, reason
  end
  vim.b[bufnr].koom_treesitter_reason = nil
  return true
end

--- Stops tree-sitter highlighting in a buffer and turns the syntax file back on.
function M.stop(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  vim.b[bufnr].koom_treesitter = false
  if vim.treesitter.stop then
    vim.treesitter.stop(bufnr)
  else
    local active = vim.treesitter.highlighter.active[bufnr]
    if active then
      active:destroy()
    end
  end
  vim.api.nvim_buf_set_option(bufnr, 'syntax', M.lang)
end

--- Whether the buffer is highlighted by the tree-sitter parser.
function M.is_active(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  return vim.treesitter.highlighter ~= nil and vim.treesitter.highlighter.active[bufnr] ~= nil
end

-- Fold levels from the `folds` query, per buffer and changedtick.
local fold_cache = {}

--- A 'foldexpr' from the tree (`{ … }` blocks), for Neovim before 0.9, which
--- has no vim.treesitter.foldexpr:
---   setlocal foldmethod=expr foldexpr=v:lua.require'koom.treesitter'.foldexpr(v:lnum)
function M.foldexpr(lnum)
  local bufnr = vim.api.nvim_get_current_buf()
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  local cached = fold_cache[bufnr]
  if cached == nil or cached.tick ~= tick then
    local levels, starts = {}, {}
    local ok = pcall(function()
      local parser = vim.treesitter.get_parser(bufnr, M.lang)
      local root = parser:parse()[1]:root()
      local get_query = vim.treesitter.query.get or vim.treesitter.query.get_query
      local query = get_query(M.lang, 'folds')
      -- A node once, even when the query is on the runtimepath twice.
      local seen = {}
      for _, node in query:iter_captures(root, bufnr, 0, vim.api.nvim_buf_line_count(bufnr)) do
        local first, first_col, last, last_col = node:range()
        local key = table.concat({ first, first_col, last, last_col }, ':')
        if last > first and not seen[key] then
          seen[key] = true
          for row = first, last do
            levels[row + 1] = (levels[row + 1] or 0) + 1
          end
          starts[first + 1] = true
        end
      end
    end)
    if not ok then
      return '0'
    end
    cached = { tick = tick, levels = levels, starts = starts }
    fold_cache[bufnr] = cached
  end
  local level = cached.levels[lnum] or 0
  if cached.starts[lnum] then
    return '>' .. level
  end
  return tostring(level)
end

return M
