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

--- The diagnostic float's text for a factline finding: its message, then each source the
--- server cites (relatedInformation: file:line, outlet, date and quote), one per line. Any
--- other diagnostic keeps its message. Installed as the float's `format` when the user has
--- none (see M.install_float_format); use it in your own `vim.diagnostic.config` otherwise.
---@param diagnostic vim.Diagnostic
---@return string
function M.float_format(diagnostic)
  local message = diagnostic.message
  local lsp_diagnostic = diagnostic.source == 'factline' and diagnostic.user_data and diagnostic.user_data.lsp
  local related = lsp_diagnostic and lsp_diagnostic.relatedInformation
  if type(related) ~= 'table' or #related == 0 then
    return message
  end
  local lines = { message, 'Sources:' }
  for _, info in ipairs(related) do
    local file = vim.fs.basename(vim.uri_to_fname(info.location.uri))
    table.insert(lines, string.format('- %s:%d  %s', file, info.location.range.start.line + 1, info.message))
  end
  return table.concat(lines, '\n')
end

--- Makes vim.diagnostic.open_float() show factline's sources, unless the user set a float
--- `format` of their own (kept as it is). Other float options are kept.
function M.install_float_format()
  local float = vim.diagnostic.config().float
  if float == false or (type(float) == 'table' and float.format ~= nil) then
    return
  end
  local options = type(float) == 'table' and vim.deepcopy(float) or {}
  options.format = M.float_format
  vim.diagnostic.config({ float = options })
end

--- Says why no server starts when the command is not there: Neovim itself only writes it to
--- its LSP log. Once per session.
local told_missing = false
function M.check_cmd()
  if told_missing or not (vim.lsp.is_enabled and vim.lsp.is_enabled('factline')) then
    return
  end
  local config = vim.lsp.config.factline
  local cmd = config and config.cmd
  if type(cmd) == 'table' and cmd[1] and vim.fn.executable(cmd[1]) == 0 then
    told_missing = true
    local where = cmd[1]:find('/', 1, true) and ('`' .. cmd[1] .. '` does not exist or is not executable')
      or ('`' .. cmd[1] .. '` is not on PATH')
    vim.notify(
      'factline: cannot start the language server: ' .. where .. '. Install it (in a factline checkout: '
        .. 'cargo install --locked --path .) or set its path: '
        .. "vim.lsp.config('factline', { cmd = { '/path/to/factline', 'lsp' } })",
      vim.log.levels.WARN
    )
  end
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
