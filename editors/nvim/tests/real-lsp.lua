-- Opens a .koom file with a typo in headless Neovim, with the real
-- `koomc lsp` (KOOMC), and waits for its E0102 diagnostic.
vim.cmd('filetype on')
local koomc = os.getenv('KOOMC') or 'koomc'
require('koom.lsp').setup({ cmd = { koomc, 'lsp' } })
vim.cmd('edit ' .. os.getenv('KOOM_FILE'))
local got = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local d = vim.diagnostic.get(0)[1]
if not got or d == nil or d.code ~= 'E0102' then
  io.stderr:write('FAIL: no E0102 diagnostic from koomc lsp\n')
  vim.cmd('cquit 1')
end
io.stderr:write(string.format('real koomc lsp: %s at line %d: %s\n', d.code, d.lnum + 1, (d.message:gsub('\n.*', ''))))
vim.cmd('qa!')
