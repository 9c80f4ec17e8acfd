-- The real `koomc lsp` (KOOMC) in headless Neovim, on a project of two files
-- in KOOM_DIR: plan.koom `use`s org.koom and addresses `logistcs`, a typo.
--   1. the plan gets its E0102 diagnostic;
--   2. the unit is renamed to `logistcs` in the org.koom buffer, unsaved:
--      the server checks the plan against the buffer, and E0102 goes away
--      (the file on disk is unchanged);
--   3. inlay hints, requested with vim.lsp.buf_request_sync (Neovim 0.7
--      has no inlay-hint display of its own), give the goal's exact bound.
vim.cmd('filetype on')
local koomc = os.getenv('KOOMC') or 'koomc'
local dir = os.getenv('KOOM_DIR')
require('koom.lsp').setup({ cmd = { koomc, 'lsp' } })

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function has_code(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then
      return d
    end
  end
  return nil
end

-- 1. The typo's diagnostic.
vim.cmd('edit ' .. dir .. '/plan.koom')
local plan = vim.api.nvim_get_current_buf()
if not vim.wait(15000, function() return has_code(plan, 'E0102') ~= nil end, 50) then
  fail('no E0102 diagnostic from koomc lsp')
end
local d = has_code(plan, 'E0102')
io.stderr:write(string.format('real koomc lsp: %s at line %d: %s\n', d.code, d.lnum + 1, (d.message:gsub('\n.*', ''))))

-- 2. An unsaved edit to the org file re-checks the plan.
vim.cmd('split ' .. dir .. '/org.koom')
local org = vim.api.nvim_get_current_buf()
if not vim.wait(5000, function() return next(vim.lsp.buf_get_clients(org)) ~= nil end, 50) then
  fail('org.koom is not attached to koomc lsp')
end
local line = vim.api.nvim_buf_get_lines(org, 1, 2, false)[1]
vim.api.nvim_buf_set_lines(org, 1, 2, false, { (line:gsub('logistics', 'logistcs')) })
if not vim.wait(15000, function() return has_code(plan, 'E0102') == nil end, 50) then
  fail('the plan was not checked against the unsaved org.koom buffer')
end
if not vim.bo[org].modified then
  fail('org.koom should be unsaved')
end
local disk = vim.fn.readfile(dir .. '/org.koom')[2]
if not disk:find('logistics', 1, true) then
  fail('org.koom on disk changed: ' .. disk)
end
io.stderr:write('real koomc lsp: the plan is checked against the unsaved org.koom buffer\n')

-- 3. Inlay hints, through a plain request.
local params = {
  textDocument = { uri = vim.uri_from_bufnr(plan) },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = 20, character = 0 } },
}
local answers = vim.lsp.buf_request_sync(plan, 'textDocument/inlayHint', params, 10000)
local labels = {}
for _, answer in pairs(answers or {}) do
  if answer.err then
    fail('inlayHint: ' .. vim.inspect(answer.err))
  end
  for _, hint in ipairs(answer.result or {}) do
    table.insert(labels, string.format('%d:%s', hint.position.line, hint.label))
  end
end
local want = '4:≥ 2'
if not vim.tbl_contains(labels, want) then
  fail('inlay hints ' .. vim.inspect(labels) .. ' lack ' .. want)
end
io.stderr:write('real koomc lsp: inlay hints ' .. table.concat(labels, ', ') .. '\n')
vim.cmd('qa!')
