-- The koomc language server for KOOM buffers: starts `koomc lsp` (standard
-- input and output) once per project root and attaches every `koom` buffer of
-- that root to it.
--
--   require('koom.lsp').setup()
--   require('koom.lsp').setup({ cmd = { '/path/to/koomc', 'lsp' }, on_attach = function(client, bufnr) … end })
--
-- Written against Neovim 0.7's API (vim.lsp.start_client and
-- vim.lsp.buf_attach_client); on 0.11 and later, where start_client is
-- deprecated, vim.lsp.start is used instead.

local M = {}

local defaults = {
  -- The server command. koomc reads the protocol on standard input.
  cmd = { 'koomc', 'lsp' },
  -- The file types to attach.
  filetypes = { 'koom' },
  -- A project's root is the folder of its koom.toml (spec section 3, `use`);
  -- without one, the folder of the file.
  root_markers = { 'koom.toml' },
  -- Passed through to the client.
  capabilities = nil,
  settings = {},
  init_options = nil,
  handlers = nil,
  -- function(client, bufnr), after the defaults below.
  on_attach = nil,
  -- Set 'omnifunc' to the server's completion in attached buffers.
  set_omnifunc = true,
}

M.config = vim.deepcopy(defaults)

-- root directory -> client id
local clients = {}
local warned = false

local function notify(message, level)
  vim.notify('koom.lsp: ' .. message, level or vim.log.levels.WARN)
end

local function dirname(path)
  return vim.fn.fnamemodify(path, ':p:h')
end

--- The project root of a buffer: the nearest folder upwards with a root
--- marker, else the buffer's folder (the working directory for a new buffer).
function M.root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= '' and dirname(name) or vim.fn.getcwd()
  for _, marker in ipairs(M.config.root_markers) do
    -- findfile() takes a 'path'-style list: escape its separators.
    local found = vim.fn.findfile(marker, vim.fn.escape(start, ' ,') .. ';')
    if found ~= '' then
      return dirname(found)
    end
  end
  return start
end

local function on_attach(client, bufnr)
  if M.config.set_omnifunc then
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end
  if M.config.on_attach then
    M.config.on_attach(client, bufnr)
  end
end

local function client_config(root)
  return {
    name = 'koomc',
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = {
      { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') },
    },
    capabilities = M.config.capabilities or vim.lsp.protocol.make_client_capabilities(),
    settings = M.config.settings,
    init_options = M.config.init_options,
    handlers = M.config.handlers,
    on_attach = on_attach,
    on_exit = function()
      if clients[root] ~= nil then
        clients[root] = nil
      end
    end,
  }
end

-- A client is gone from vim.lsp.get_client_by_id once it has exited.
local function is_running(id)
  return id ~= nil and vim.lsp.get_client_by_id(id) ~= nil
end

--- Starts (or reuses) the server for the buffer's project and attaches the
--- buffer to it. Returns the client id, or nil when koomc cannot be started.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local cmd = M.config.cmd
  if vim.fn.executable(cmd[1]) ~= 1 then
    if not warned then
      warned = true
      notify(
        string.format(
          '`%s` is not executable, so KOOM buffers get highlighting only. '
            .. "Install koomc or pass its path: require('koom.lsp').setup({ cmd = { '/path/to/koomc', 'lsp' } })",
          cmd[1]
        )
      )
    end
    return nil
  end

  local root = M.root_dir(bufnr)
  local id = clients[root]
  if vim.fn.has('nvim-0.11') == 1 then
    -- vim.lsp.start finds a running client with the same name and root and
    -- attaches the buffer itself.
    id = vim.lsp.start(client_config(root), { bufnr = bufnr })
  else
    if not is_running(id) then
      id = vim.lsp.start_client(client_config(root))
    end
    if id ~= nil and not vim.lsp.buf_attach_client(bufnr, id) then
      notify('could not attach buffer ' .. bufnr .. ' to koomc lsp', vim.log.levels.ERROR)
      return nil
    end
  end
  if id == nil then
    notify('could not start `' .. table.concat(cmd, ' ') .. '`', vim.log.levels.ERROR)
    return nil
  end
  clients[root] = id
  return id
end

--- Stops every koomc client this module started.
function M.stop()
  for root, id in pairs(clients) do
    vim.lsp.stop_client(id)
    clients[root] = nil
  end
end

--- Stops the servers and attaches every KOOM buffer again.
function M.restart()
  M.stop()
  -- Give the servers a moment to exit before new ones start.
  vim.defer_fn(function()
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
        M.attach(bufnr)
      end
    end
  end, 500)
end

--- Configures the client and attaches `koom` buffers as they are opened
--- (and those already open). Options: see `defaults` above.
function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  -- Lists replace, they do not merge by index.
  if opts and opts.cmd then
    M.config.cmd = opts.cmd
  end
  if type(M.config.cmd) == 'string' then
    M.config.cmd = { M.config.cmd, 'lsp' }
  end
  warned = false

  local group = vim.api.nvim_create_augroup('koom_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  vim.api.nvim_create_user_command('KoomLspRestart', M.restart, { desc = 'Restart koomc lsp' })
  vim.api.nvim_create_user_command('KoomLspStop', M.stop, { desc = 'Stop koomc lsp' })

  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
end

return M
