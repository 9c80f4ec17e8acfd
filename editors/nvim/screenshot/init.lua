-- The configuration behind editors/screenshots/nvim-diagnostic.png.
local repo = os.getenv('KOOM_REPO')
vim.opt.rtp:prepend(repo .. '/editors/nvim')
vim.cmd('filetype plugin indent on')
vim.cmd('syntax on')
vim.opt.number = true
require('koom.lsp').setup({ cmd = { repo .. '/target/release/koomc', 'lsp' } })
vim.diagnostic.config({ virtual_text = true })
