-- factline for Neovim 0.11+.
--
--   require('factline').setup({
--     cmd = { 'factline', 'lsp' },          -- or server_path = '/path/to/factline'
--     corpus = { 'sources' },                -- folders; relative ones resolve against the root
--     severity = { date = 'error', count = 'off' },
--     ignoreNames = { 'Kim' },               -- ignore_names works too
--   })
--
-- The settings go to the server both as init_options and as settings, in the shape
-- { factline = { corpus = ..., severity = ..., ignoreNames = ... } }.
local M = {}

M.filetypes = { 'markdown', 'text' }
M.root_markers = { 'factline.toml', 'corpus', '.git' }

--- The server settings table, with only the keys given (so factline.toml stays in charge of the rest).
---@param opts table|nil
---@return table
function M.settings(opts)
  opts = opts or {}
  -- An empty dict, so that it is sent as {} and not as [].
  local settings = vim.empty_dict()
  if opts.corpus ~= nil then
    settings.corpus = opts.corpus
  end
  if opts.severity ~= nil then
    settings.severity = opts.severity
  end
  local ignore = opts.ignoreNames or opts.ignore_names
  if ignore ~= nil then
    settings.ignoreNames = ignore
  end
  return settings
end

--- Anchors relative corpus folders at the client's root, so the server needs no guess.
local function anchored(settings, root)
  if not settings.corpus or not root then
    return settings
  end
  local copy = vim.deepcopy(settings)
  copy.corpus = vim.tbl_map(function(dir)
    dir = vim.fs.normalize(dir)
    if dir:sub(1, 1) == '/' or dir:match('^%a:[/\\]') then
      return dir
    end
    return vim.fs.joinpath(root, dir)
  end, settings.corpus)
  return copy
end

--- The active factline clients (of the current buffer first, else all).
---@return vim.lsp.Client[]
function M.clients()
  local clients = vim.lsp.get_clients({ name = 'factline', bufnr = 0 })
  if #clients == 0 then
    clients = vim.lsp.get_clients({ name = 'factline' })
  end
  return clients
end

--- Sends workspace/executeCommand to one client; calls on_result(err, result) when it answers.
local function execute(client, command, on_result)
  client:request('workspace/executeCommand', { command = command, arguments = {} }, function(err, result)
    on_result(err, result)
  end)
end

--- :FactlineReloadCorpus
function M.reload_corpus()
  local clients = M.clients()
  if #clients == 0 then
    vim.notify('factline: no factline server is running', vim.log.levels.ERROR)
    return
  end
  for _, client in ipairs(clients) do
    execute(client, 'factline.reloadCorpus', function(err, result)
      if err then
        vim.notify('factline: reload failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
        return
      end
      local msg = 'factline: corpus reloaded'
      if type(result) == 'table' and result.articles then
        msg = msg .. string.format(': %d articles', result.articles)
        if (result.problems or 0) > 0 then
          msg = msg .. string.format(', %d problems (see :FactlineCorpusReport)', result.problems)
        end
      end
      vim.notify(msg, vim.log.levels.INFO)
    end)
  end
end

--- :FactlineCorpusReport: the report in a read-only Markdown scratch buffer.
function M.corpus_report()
  local client = M.clients()[1]
  if not client then
    vim.notify('factline: no factline server is running', vim.log.levels.ERROR)
    return
  end
  execute(client, 'factline.corpusReport', function(err, result)
    if err then
      vim.notify('factline: corpus report failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local text = type(result) == 'string' and result
      or type(result) == 'table' and (result.markdown or result.value)
      or vim.inspect(result)
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(text, '\n', { plain = true }))
    vim.bo[buf].filetype = 'markdown'
    vim.bo[buf].modifiable = false
    vim.bo[buf].bufhidden = 'wipe'
    vim.cmd('vsplit')
    vim.api.nvim_win_set_buf(0, buf)
  end)
end

--- workspace/diagnostic/refresh: pull the diagnostics of every buffer the client is on again.
---
--- Neovim 0.11 pulls diagnostics only on open and on change and does not handle this request,
--- so after a settings change or a corpus reload the findings would stay stale until the next
--- edit. The config below advertises refreshSupport and answers with this.
function M.on_diagnostic_refresh(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client then
    return vim.NIL
  end
  for bufnr in pairs(client.attached_buffers) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      client:request('textDocument/diagnostic', {
        textDocument = vim.lsp.util.make_text_document_params(bufnr),
      }, function(err, result, request_ctx)
        vim.lsp.diagnostic.on_diagnostic(err, result, request_ctx)
      end, bufnr)
    end
  end
  return vim.NIL
end

--- The config for vim.lsp.config('factline', ...): what lsp/factline.lua returns, plus opts.
---@param opts table|nil  same keys as setup()
---@return vim.lsp.Config
function M.config(opts)
  opts = opts or {}
  local cmd = opts.cmd or { opts.server_path or 'factline', 'lsp' }
  local settings = M.settings(opts)
  return {
    cmd = cmd,
    filetypes = opts.filetypes or M.filetypes,
    root_markers = opts.root_markers or M.root_markers,
    init_options = { factline = settings },
    settings = { factline = settings },
    capabilities = { workspace = { diagnostics = { refreshSupport = true } } },
    handlers = { ['workspace/diagnostic/refresh'] = M.on_diagnostic_refresh },
    before_init = function(params, config)
      -- One settings table for both channels: settings.factline, else init_options.factline
      -- (whichever the user filled in through vim.lsp.config), relative corpus folders made
      -- absolute under the project root.
      local from_settings = (config.settings or {}).factline
      local from_init = (params.initializationOptions or {}).factline
      local factline = from_settings
      if type(factline) ~= 'table' or vim.tbl_isempty(factline) then
        factline = from_init
      end
      if type(factline) ~= 'table' or vim.tbl_isempty(factline) then
        factline = vim.empty_dict()
      end
      factline = anchored(factline, config.root_dir)
      -- In place: the client keeps a reference to this very table and sends it later.
      config.settings = config.settings or {}
      config.settings.factline = factline
      params.initializationOptions =
        vim.tbl_extend('force', params.initializationOptions or {}, { factline = factline })
    end,
  }
end

--- Configures and enables the factline server for markdown and text buffers.
---@param opts table|nil
function M.setup(opts)
  vim.lsp.config('factline', M.config(opts))
  vim.lsp.enable('factline')
end

return M
