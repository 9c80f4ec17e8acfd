-- The Neovim files' test, run by ../test-headless.sh as
--   nvim --headless -u NONE -i NONE --cmd 'set rtp^=editors/nvim' -c 'luafile editors/nvim/tests/headless.lua'
-- with KOOM_REPO set to the repository. Prints one line per check group and
-- exits with :cquit when a check fails.
--
-- 1. examples/raccoons.koom: file type, syntax, ftplugin and indent settings;
--    `gg=G` reproduces the canonical layout of every example.
-- 2. syntax/koom.vim against the TextMate grammar's tests
--    (editors/vscode/tests/*.koom): every assertion whose most specific scope
--    has a Vim counterpart is checked with synID() on every column it covers.
-- 3. lua/koom/lsp.lua against tests/bin/koomc, a stand-in `koomc lsp`
--    (skipped without python3).

local repo = assert(os.getenv('KOOM_REPO'), 'KOOM_REPO is not set')
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
  say('nvim headless: all checks passed')
  vim.cmd('qall!')
end

-- These checks are about the syntax file: keep it even where a tree-sitter
-- parser is built (tests/treesitter.lua checks that part).
vim.g.koom_treesitter = false
vim.cmd('filetype plugin indent on')
vim.cmd('syntax on')

---------------------------------------------------------------------------
-- 1. The example
---------------------------------------------------------------------------
vim.v.errmsg = ''
vim.cmd('edit ' .. vim.fn.fnameescape(repo .. '/examples/raccoons.koom'))
eq(vim.bo.filetype, 'koom', 'filetype')
eq(vim.b.current_syntax, 'koom', 'b:current_syntax')
eq(vim.bo.commentstring, '# %s', 'commentstring')
eq(vim.bo.shiftwidth, 2, 'shiftwidth')
eq(vim.bo.softtabstop, 2, 'softtabstop')
eq(vim.bo.expandtab, true, 'expandtab')
eq(vim.bo.indentexpr, 'GetKoomIndent(v:lnum)', 'indentexpr')
eq(vim.fn.synIDattr(vim.fn.synID(1, 1, 1), 'name'), 'koomDeclaration', 'group of `koom` on line 1')
eq(vim.v.errmsg, '', 'v:errmsg after loading the example')
say(string.format('example: filetype=%s syntax=%s commentstring=%q shiftwidth=%d expandtab=%s',
  vim.bo.filetype, vim.b.current_syntax or '', vim.bo.commentstring, vim.bo.shiftwidth, tostring(vim.bo.expandtab)))

-- Every example is in the canonical layout: flatten it, re-indent it with
-- gg=G, and compare.
local examples = vim.fn.glob(repo .. '/examples/**/*.koom', false, true)
local lines_indented = 0
for _, path in ipairs(examples) do
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local before = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  vim.cmd('silent %s/^\\s\\+//e')
  vim.cmd('silent normal! gg=G')
  local after = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  for i = 1, #before do
    if before[i] ~= after[i] then
      fail(string.format('indent of %s:%d: expected %q, got %q', path, i, before[i], after[i] or ''))
      break
    end
  end
  lines_indented = lines_indented + #before
  vim.cmd('silent edit!')
  eq(vim.v.errmsg, '', 'v:errmsg after ' .. path)
end
say(string.format('indent: gg=G reproduces %d examples (%d lines)', #examples, lines_indented))

---------------------------------------------------------------------------
-- 2. The syntax against the TextMate tests
---------------------------------------------------------------------------
-- The Vim groups that stand for each TextMate scope (the most specific
-- required scope of an assertion). Vim merges some distinctions: a scale
-- suffix is part of its number, a change's unit of `%`/`pp` part of the change.
local groups = {
  ['comment.line.number-sign.koom'] = { 'koomComment' },
  ['punctuation.definition.comment.koom'] = { 'koomComment' },
  ['string.quoted.double.koom'] = { 'koomString' },
  ['punctuation.definition.string.begin.koom'] = { 'koomString' },
  ['punctuation.definition.string.end.koom'] = { 'koomString' },
  ['constant.character.escape.koom'] = { 'koomEscape' },
  ['invalid.illegal.unknown-escape.koom'] = { 'koomEscapeError' },
  ['storage.type.declaration.koom'] = { 'koomDeclaration' },
  ['keyword.control.cycle.koom'] = { 'koomCycleKeyword' },
  ['keyword.other.directive.koom'] = { 'koomDirective' },
  ['storage.modifier.annotation.koom'] = { 'koomAnnotation' },
  ['invalid.illegal.refused.koom'] = { 'koomRefused' },
  ['meta.refused.koom'] = { 'koomRefusedForm', 'koomRefusedBlock', 'koomRefusedBrace' },
  ['meta.block.refused.koom'] = { 'koomRefusedBlock', 'koomRefusedBrace' },
  ['constant.language.better.koom'] = { 'koomBetter' },
  ['constant.numeric.version.koom'] = { 'koomVersion' },
  ['entity.name.org-unit.koom'] = { 'koomOrgUnitName' },
  ['entity.name.metric.koom'] = { 'koomMetricName' },
  ['entity.name.goal.koom'] = { 'koomGoalId' },
  ['entity.name.section.cycle.koom'] = { 'koomCycleName' },
  ['constant.numeric.rank.koom'] = { 'koomRank' },
  ['constant.other.escalation-id.koom'] = { 'koomEscalation' },
  ['support.constant.ai-use.koom'] = { 'koomAiUse' },
  ['invalid.illegal.ai-use.koom'] = { 'koomAiUseError' },
  ['constant.numeric.date.koom'] = { 'koomDate' },
  ['constant.other.cycle-id.koom'] = { 'koomCycleId' },
  ['constant.numeric.decimal.koom'] = { 'koomNumber' },
  ['storage.type.numeric.suffix.koom'] = { 'koomNumber', 'koomChange' },
  ['constant.numeric.change.koom'] = { 'koomChange' },
  ['keyword.other.unit.koom'] = { 'koomUnit' },
  ['keyword.other.unit.percent.koom'] = { 'koomPercent', 'koomUnit', 'koomChange' },
  ['keyword.other.unit.pp.koom'] = { 'koomChange' },
  ['keyword.operator.comparison.koom'] = { 'koomOperator' },
  ['invalid.illegal.number.koom'] = { 'koomNumberError' },
  ['punctuation.section.block.begin.koom'] = { 'koomBrace' },
  ['punctuation.section.block.end.koom'] = { 'koomBrace' },
  ['punctuation.separator.comma.koom'] = { 'koomDelimiter' },
  ['punctuation.separator.colon.koom'] = { 'koomDelimiter' },
  -- Vim leaves names unhighlighted.
  ['variable.other.name.koom'] = { '' },
}

local files = vim.fn.glob(repo .. '/editors/vscode/tests/*.koom', false, true)
local checked, skipped = 0, 0
for _, path in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local name = vim.fn.fnamemodify(path, ':t')
  eq(vim.bo.filetype, 'koom', 'filetype of ' .. name)
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local source = nil -- line number (1-based) of the last source line
  for lnum = 2, #lines do
    local line = lines[lnum]
    local rest = line:match('^#(%s*[%^<].*)$')
    local col_from, col_to, spec
    if rest and rest:match('^%s*%^') then
      local carets_start, carets_end = line:find('%^+', 2)
      col_from, col_to = carets_start, carets_end -- 1-based columns
      spec = line:sub(carets_end + 1)
    elseif rest and rest:match('^%s*<~*%-+') then
      local tildes, dashes, tail = rest:match('^%s*<(~*)(%-+)(.*)$')
      col_from, col_to = #tildes + 1, #tildes + #dashes
      spec = tail
    else
      source = lnum
    end
    if spec then
      local required = vim.split(vim.trim(spec:gsub('%s+%-%s.*$', '')), '%s+')
      local scope = required[#required]
      local want = groups[scope]
      if want == nil then
        skipped = skipped + 1
      else
        checked = checked + 1
        for col = col_from, col_to do
          local got = vim.fn.synIDattr(vim.fn.synID(source, col, 1), 'name')
          if not vim.tbl_contains(want, got) then
            fail(string.format('%s:%d:%d %q (%s): expected %s, got %q', name, source, col,
              lines[source]:sub(col_from, col_to), scope, table.concat(want, ' or '), got))
            break
          end
        end
      end
    end
  end
end
say(string.format('syntax: %d TextMate assertions checked in %d files (%d without a Vim counterpart)',
  checked, #files, skipped))

---------------------------------------------------------------------------
-- 3. The language client
---------------------------------------------------------------------------
if vim.fn.executable('python3') ~= 1 then
  say('lsp: SKIPPED (no python3 for the stand-in koomc)')
  return finish()
end

local lsp = require('koom.lsp')
-- Names that changed after 0.7.
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
local function buf_clients(bufnr)
  return get_clients({ bufnr = bufnr })
end

-- Without koomc on PATH: one warning, no error.
local notes = {}
local notify = vim.notify
vim.notify = function(message, level)
  table.insert(notes, { message = message, level = level })
end
lsp.setup({ cmd = { 'koomc-that-does-not-exist', 'lsp' } })
vim.cmd('edit ' .. vim.fn.fnameescape(repo .. '/examples/raccoons.koom'))
eq(#buf_clients(vim.api.nvim_get_current_buf()), 0, 'clients without koomc')
eq(#notes, 1, 'warnings without koomc')
eq(notes[1] and notes[1].level, vim.log.levels.WARN, 'level of the warning without koomc')
vim.notify = notify

-- A project with a koom.toml and two files, served by the stand-in. (Only
-- those: setup() attaches the KOOM buffers already open too.)
vim.cmd('silent %bwipeout!')
local project = vim.fn.tempname()
vim.fn.mkdir(project .. '/sub', 'p')
vim.fn.writefile({ '[lints]' }, project .. '/koom.toml')
vim.fn.writefile(vim.fn.readfile(repo .. '/examples/raccoons.koom'), project .. '/sub/a.koom')
vim.fn.writefile({ 'koom 1.0', 'org "B"' }, project .. '/b.koom')
local log = project .. '/server.log'
vim.env.KOOM_FAKE_LOG = log
vim.env.PATH = repo .. '/editors/nvim/tests/bin:' .. vim.env.PATH

lsp.setup()
vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/sub/a.koom'))
local a = vim.api.nvim_get_current_buf()
local got = vim.wait(10000, function()
  return #vim.diagnostic.get(a) > 0
end, 50)
eq(got, true, 'a diagnostic from the stand-in koomc lsp for sub/a.koom')
local clients = buf_clients(a)
local client = select(2, next(clients))
eq(client and client.name, 'koomc', 'client name')
eq(client and table.concat(client.config.cmd, ' '), 'koomc lsp', 'client command')
eq(client and client.config.root_dir, project, 'root_dir (the folder of koom.toml)')
eq(vim.bo[a].omnifunc, 'v:lua.vim.lsp.omnifunc', 'omnifunc')
local diagnostic = vim.diagnostic.get(a)[1] or {}
eq(diagnostic.message, 'fake koomc lsp saw version 0', 'diagnostic message')

-- A second file of the same project reuses the server.
vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/b.koom'))
local b = vim.api.nvim_get_current_buf()
vim.wait(10000, function()
  return #vim.diagnostic.get(b) > 0
end, 50)
eq(#vim.diagnostic.get(b), 1, 'a diagnostic for b.koom')
eq(#get_clients(), 1, 'one server for the project')

-- An edit reaches the server.
vim.api.nvim_buf_set_lines(b, 1, 2, false, { 'org "B2"' })
vim.wait(10000, function()
  local d = vim.diagnostic.get(b)[1]
  return d ~= nil and d.message ~= 'fake koomc lsp saw version 0'
end, 50)

local methods, open_ids = {}, {}
for _, line in ipairs(vim.fn.readfile(log)) do
  local message = vim.fn.json_decode(line)
  methods[message.method] = (methods[message.method] or 0) + 1
  if message.method == 'initialize' then
    eq(message.params.rootUri, vim.uri_from_fname(project), 'rootUri')
  elseif message.method == 'textDocument/didOpen' then
    table.insert(open_ids, message.params.textDocument.languageId)
  end
end
eq(methods['initialize'], 1, 'initialize requests')
eq(methods['initialized'], 1, 'initialized notifications')
eq(methods['textDocument/didOpen'], 2, 'didOpen notifications')
eq(open_ids[1], 'koom', 'languageId')
eq((methods['textDocument/didChange'] or 0) >= 1, true, 'didChange after an edit')

vim.cmd('KoomLspStop')
vim.wait(5000, function()
  return #get_clients() == 0
end, 50)
eq(#get_clients(), 0, 'clients after :KoomLspStop')
local stopped = {}
for _, line in ipairs(vim.fn.readfile(log)) do
  local method = vim.fn.json_decode(line).method
  stopped[method] = true
end
eq(stopped['shutdown'], true, 'shutdown sent by :KoomLspStop')
eq(stopped['exit'], true, 'exit sent by :KoomLspStop')
say(string.format('lsp: stand-in koomc lsp started at %s; messages: %s', project,
  vim.inspect(methods, { newline = ' ', indent = '' })))
vim.fn.delete(project, 'rf')

finish()
