-- Headless Neovim test of the factline plugin against the real server (run by run.sh).
--
-- Environment: FACTLINE_BIN (server binary), FACTLINE_WS (a copy of editors/test/fixtures),
-- FACTLINE_MODE ("enable": lsp/factline.lua + vim.lsp.enable; "setup": require('factline').setup).
-- Prints "ok NAME" or "FAIL NAME: reason" per check and exits non-zero when any failed.

local bin = assert(os.getenv('FACTLINE_BIN'), 'FACTLINE_BIN not set')
local ws = assert(os.getenv('FACTLINE_WS'), 'FACTLINE_WS not set')
local mode = os.getenv('FACTLINE_MODE') or 'enable'
local draft = ws .. '/draft.md'

local TIMEOUT = 20000 -- ms for any one thing the server has to do

-- What the fixtures make the engine say (see editors/test/fixtures).
local DATE_LINE = 6 -- 0-based: "North Korean Foreign Minister ... on Oct. 28."
local NAME_LINE = 8 -- 0-based: "The Kremlin said Vladimir Puttin and Choe ..."
local SOURCE_QUOTE = 'met Russian President Vladimir Putin in Moscow on Oct. 27'
-- The engine's exact words: update here when its wording changes on purpose.
local DATE_MESSAGE = 'The sources put the meeting of Choe Son-hui and Vladimir Putin on Oct. 27, 2025 (1 source); '
  .. 'the draft says Oct. 28, 2025.'
local NAME_MESSAGE = 'No source writes Vladimir Puttin; 3 sources write Vladimir Putin.'
local SOURCE_OUTLET = 'Harbor Wire, 2025-10-28' -- the source's outlet and date, as the float and hover show them
local SOURCE_FILE = 'harbor_wire_choe_putin.md' -- underscores: the hover must not show them escaped

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

--- Runs one check; an error() inside is a failure with its message.
local function check(name, fn)
  local ok, err = xpcall(fn, function(e)
    return tostring(e)
  end)
  if ok then
    passed = passed + 1
    out('ok ' .. name)
  else
    failed = failed + 1
    out('FAIL ' .. name .. ': ' .. err:gsub('\n', '\n    '))
  end
  return ok
end

local function expect(cond, fmt, ...)
  if not cond then
    error(string.format(fmt, ...), 0)
  end
end

local function finish()
  out(string.format('nvim-%s: %d passed, %d failed', mode, passed, failed))
  if failed > 0 or passed == 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

--- Waits until fn() returns a truthy value; errors with what() after the timeout.
local function wait_for(what, fn, timeout)
  local value
  local ok = vim.wait(timeout or TIMEOUT, function()
    value = fn()
    return value and true or false
  end, 50)
  if not ok then
    error('timed out after ' .. (timeout or TIMEOUT) .. ' ms waiting for ' .. what(), 0)
  end
  return value
end

local function describe(diags)
  local parts = {}
  for _, d in ipairs(diags) do
    table.insert(parts, string.format('%d:%d %s %q', d.lnum + 1, d.col + 1, tostring(d.code), d.message))
  end
  return '[' .. table.concat(parts, '; ') .. ']'
end

-- ---------------------------------------------------------------------------------------------
-- Configure the client the way a user would.

local notifications = {}
vim.notify = function(msg)
  table.insert(notifications, msg)
  out('notify: ' .. msg)
end
vim.lsp.log.set_level('warn')

if mode == 'missing' then
  -- No factline on PATH (run.sh runs this mode with a PATH without it): the default config.
  vim.lsp.enable('factline')
  vim.cmd.edit(vim.fn.fnameescape(draft))
  check('with no factline on PATH the plugin says why', function()
    expect(vim.fn.executable('factline') == 0, 'factline is on PATH in this mode')
    local said = wait_for(function()
      return 'a notification naming the missing command; have ' .. vim.inspect(notifications)
    end, function()
      for _, msg in ipairs(notifications) do
        if msg:find('factline', 1, true) and msg:find('not on PATH', 1, true) then
          return msg
        end
      end
    end, 5000)
    expect(said:find('cargo install', 1, true), 'the notification does not say how to install it: %s', said)
    expect(#vim.lsp.get_clients({ name = 'factline' }) == 0, 'a client started without a server')
  end)
  finish()
  return
elseif mode == 'enable' then
  -- lsp/factline.lua from the runtimepath, with only the binary overridden.
  vim.lsp.config('factline', { cmd = { bin, 'lsp' } })
  vim.lsp.enable('factline')
else
  require('factline').setup({
    cmd = { bin, 'lsp' },
    severity = { date = 'error' },
    ignore_names = { 'vladimir puttin' },
  })
end

vim.cmd.edit(vim.fn.fnameescape(draft))
local buf = vim.api.nvim_get_current_buf()

local client
local attached = check('server starts and attaches to the markdown buffer', function()
  expect(vim.bo[buf].filetype == 'markdown', 'filetype is %q, not markdown', vim.bo[buf].filetype)
  client = wait_for(function()
    return 'a factline client on the buffer'
  end, function()
    return vim.lsp.get_clients({ bufnr = buf, name = 'factline' })[1]
  end, 10000)
  expect(client.root_dir == ws, 'root_dir is %s, expected %s (factline.toml marks the root)', tostring(client.root_dir), ws)
end)
if not attached then
  finish()
  return
end

local function diags()
  local list = vim.diagnostic.get(buf)
  table.sort(list, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return list
end
local function find(code)
  for _, d in ipairs(diags()) do
    if d.code == code then
      return d
    end
  end
end
local function line(n)
  return vim.api.nvim_buf_get_lines(buf, n, n + 1, false)[1] or ''
end

-- ---------------------------------------------------------------------------------------------
-- Diagnostics on open

local date, name
local have_diags = check('diagnostics arrive for the draft', function()
  wait_for(function()
    return 'date-conflict and name-misspelled; have ' .. describe(diags())
  end, function()
    return find('date-conflict') and (mode == 'setup' or find('name-misspelled'))
  end)
  date = find('date-conflict')
  name = find('name-misspelled')
end)

if have_diags then
  check('date-conflict: position, source, message, severity', function()
    local col = assert(line(DATE_LINE):find('Oct. 28', 1, true), 'fixture line changed') - 1
    expect(date.lnum == DATE_LINE and date.col == col and date.end_lnum == DATE_LINE and date.end_col == col + #'Oct. 28',
      'range %d:%d-%d:%d, expected %d:%d-%d:%d', date.lnum, date.col, date.end_lnum, date.end_col,
      DATE_LINE, col, DATE_LINE, col + #'Oct. 28')
    expect(date.source == 'factline', 'source %q', tostring(date.source))
    expect(date.message == DATE_MESSAGE, 'message\n    %q, expected\n    %q', date.message, DATE_MESSAGE)
    local want = mode == 'setup' and vim.diagnostic.severity.ERROR or vim.diagnostic.severity.WARN
    expect(date.severity == want, 'severity %d, expected %d (%s)', date.severity, want,
      mode == 'setup' and 'severity.date = "error" from setup()' or 'the default, warning')
  end)

  if mode == 'setup' then
    check('ignore_names from setup() keeps "Vladimir Puttin" unflagged', function()
      expect(not name, 'name-misspelled despite ignore_names: %s', describe(diags()))
    end)
  else
    check('name-misspelled: position, source, message', function()
      local col = assert(line(NAME_LINE):find('Vladimir Puttin', 1, true), 'fixture line changed') - 1
      expect(name.lnum == NAME_LINE and name.col == col and name.end_col == col + #'Vladimir Puttin',
        'range %d:%d-%d, expected %d:%d-%d', name.lnum, name.col, name.end_col, NAME_LINE, col, col + #'Vladimir Puttin')
      expect(name.source == 'factline', 'source %q', tostring(name.source))
      expect(name.message == NAME_MESSAGE, 'message\n    %q, expected\n    %q', name.message, NAME_MESSAGE)
    end)
  end

  check('relatedInformation cites the corpus passage', function()
    local lsp_diag = date.user_data and date.user_data.lsp
    expect(lsp_diag, 'no user_data.lsp on the diagnostic')
    local related = lsp_diag.relatedInformation
    expect(type(related) == 'table' and #related > 0, 'no relatedInformation: %s', vim.inspect(lsp_diag))
    local hit
    for _, info in ipairs(related) do
      local path = vim.uri_to_fname(info.location.uri)
      if path:find('/corpus/', 1, true) and path:match('%.md$') then
        local lines = vim.fn.readfile(path)
        local cited = lines[info.location.range.start.line + 1] or ''
        if cited:find('Oct. 27', 1, true) and info.message ~= '' then
          hit = info
        end
      end
    end
    expect(hit, 'no relatedInformation points at a corpus line saying Oct. 27: %s', vim.inspect(related))
  end)
end

-- ---------------------------------------------------------------------------------------------
-- Hover

if have_diags then
  check('hover on the date quotes the source', function()
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = date.lnum, character = date.col + 2 },
    }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, TIMEOUT)
    expect(responses, 'hover request timed out')
    local text
    for _, response in pairs(responses) do
      expect(not response.err, 'hover error: %s', vim.inspect(response.err))
      local contents = response.result and response.result.contents
      if type(contents) == 'table' then
        text = contents.value or (contents[1] and (contents[1].value or contents[1])) or vim.inspect(contents)
      elseif type(contents) == 'string' then
        text = contents
      end
    end
    expect(text, 'no hover contents')
    expect(text:find(SOURCE_QUOTE, 1, true), 'hover lacks the quote %q:\n%s', SOURCE_QUOTE, text)
    expect(text:find('Harbor Wire', 1, true), 'hover lacks the outlet:\n%s', text)
    expect(text:find(SOURCE_FILE, 1, true) and not text:find('\\_'), 'hover escapes the file name:\n%s', text)
    expect(not text:find(date.message, 1, true), 'hover repeats the diagnostic message:\n%s', text)
  end)

  check('the diagnostic float lists the sources (file, outlet, date, quote)', function()
    vim.api.nvim_win_set_cursor(0, { date.lnum + 1, date.col })
    local float_buf, float_win = vim.diagnostic.open_float({ scope = 'cursor' })
    expect(float_buf, 'no float opened')
    local text = table.concat(vim.api.nvim_buf_get_lines(float_buf, 0, -1, false), '\n')
    vim.api.nvim_win_close(float_win, true)
    expect(text:find(date.message, 1, true), 'the float lacks the message:\n%s', text)
    expect(text:find(SOURCE_FILE .. ':6', 1, true), 'the float lacks the source file:line:\n%s', text)
    expect(text:find(SOURCE_OUTLET, 1, true), 'the float lacks outlet and date:\n%s', text)
    expect(text:find(SOURCE_QUOTE, 1, true), 'the float lacks the quote:\n%s', text)
  end)
end

-- ---------------------------------------------------------------------------------------------
-- Quick fix

local function code_actions(d)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = {
      start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum, character = d.end_col },
    },
    context = { diagnostics = { d.user_data.lsp }, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, TIMEOUT)
  expect(responses, 'codeAction request timed out')
  local actions = {}
  for _, response in pairs(responses) do
    expect(not response.err, 'codeAction error: %s', vim.inspect(response.err))
    vim.list_extend(actions, response.result or {})
  end
  return actions
end

local function apply(action)
  if not action.edit and action.data then
    local resolved = client:request_sync('codeAction/resolve', action, TIMEOUT, buf)
    expect(resolved and resolved.result, 'codeAction/resolve failed: %s', vim.inspect(resolved))
    action = resolved.result
  end
  expect(action.edit, 'the action has no edit: %s', vim.inspect(action))
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
end

if have_diags then
  check('quick fix replaces the date with the sourced one and the diagnostic clears', function()
    local actions = code_actions(date)
    local titles = vim.tbl_map(function(a)
      return a.title
    end, actions)
    local fix
    for _, a in ipairs(actions) do
      if a.title:find('Oct. 27', 1, true) then
        fix = a
      end
    end
    expect(fix, 'no quick fix offering "Oct. 27"; got %s', vim.inspect(titles))
    apply(fix)
    expect(line(DATE_LINE):find('in Moscow on Oct. 27.', 1, true), 'line after the fix: %q', line(DATE_LINE))
    wait_for(function()
      return 'the date-conflict to clear; have ' .. describe(diags())
    end, function()
      return not find('date-conflict')
    end)
    if mode == 'enable' then
      expect(find('name-misspelled'), 'the name diagnostic vanished with the date fix: %s', describe(diags()))
    end
  end)

  check(mode == 'enable' and 'inline factline-ignore quick fix silences the finding'
    or 'didChangeConfiguration turns the date kind off and back on', function()
    if mode == 'enable' then
      -- Undo the fix first so the date is wrong again.
      vim.api.nvim_buf_set_lines(buf, DATE_LINE, DATE_LINE + 1, false,
        { (line(DATE_LINE):gsub('Oct%. 27%.', 'Oct. 28.')) })
      local d = wait_for(function()
        return 'the date-conflict to come back; have ' .. describe(diags())
      end, function()
        return find('date-conflict')
      end)
      local inline
      for _, a in ipairs(code_actions(d)) do
        if a.title:lower():find('ignore', 1, true) and a.edit then
          local text = vim.inspect(a.edit)
          if text:find('factline%-ignore') then
            inline = a
          end
        end
      end
      expect(inline, 'no inline factline-ignore quick fix on the date')
      local before = vim.api.nvim_buf_line_count(buf)
      apply(inline)
      local all = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
      expect(all:find('<!%-%- factline%-ignore'), 'no factline-ignore comment in the buffer:\n%s', all)
      wait_for(function()
        return 'the ignored date-conflict to clear; have ' .. describe(diags())
      end, function()
        return not find('date-conflict')
      end)
      -- Put the buffer back as it was before the comment.
      vim.cmd('silent undo')
      wait_for(function()
        return 'undo to restore ' .. before .. ' lines'
      end, function()
        return vim.api.nvim_buf_line_count(buf) == before and find('date-conflict')
      end)
      vim.api.nvim_buf_set_lines(buf, DATE_LINE, DATE_LINE + 1, false,
        { (line(DATE_LINE):gsub('Oct%. 28%.', 'Oct. 27.')) })
      wait_for(function()
        return 'date-conflict to clear again; have ' .. describe(diags())
      end, function()
        return not find('date-conflict')
      end)
    else
      -- setup(): settings came through init_options; check the other channel:
      -- turn the date kind off at run time with workspace/didChangeConfiguration.
      vim.api.nvim_buf_set_lines(buf, DATE_LINE, DATE_LINE + 1, false,
        { (line(DATE_LINE):gsub('Oct%. 27%.', 'Oct. 28.')) })
      wait_for(function()
        return 'the date-conflict to come back; have ' .. describe(diags())
      end, function()
        return find('date-conflict')
      end)
      client.settings.factline.severity = { date = 'off' }
      client:notify('workspace/didChangeConfiguration', { settings = client.settings })
      wait_for(function()
        return 'severity.date = "off" (didChangeConfiguration) to clear the date; have ' .. describe(diags())
      end, function()
        return not find('date-conflict')
      end)
      client.settings.factline.severity = { date = 'error' }
      client:notify('workspace/didChangeConfiguration', { settings = client.settings })
      wait_for(function()
        return 'severity.date = "error" to bring the date back; have ' .. describe(diags())
      end, function()
        local d = find('date-conflict')
        return d and d.severity == vim.diagnostic.severity.ERROR
      end)
    end
  end)
end

-- ---------------------------------------------------------------------------------------------
-- Diagnostics follow edits

if have_diags and mode == 'enable' then
  check('diagnostics follow edits (lines inserted, name corrected)', function()
    vim.api.nvim_buf_set_lines(buf, 5, 5, false, { 'An added paragraph.', '' })
    wait_for(function()
      return 'name-misspelled to move down two lines; have ' .. describe(diags())
    end, function()
      local d = find('name-misspelled')
      return d and d.lnum == NAME_LINE + 2
    end)
    local l = line(NAME_LINE + 2):gsub('Puttin', 'Putin')
    vim.api.nvim_buf_set_lines(buf, NAME_LINE + 2, NAME_LINE + 3, false, { l })
    wait_for(function()
      return 'name-misspelled to clear after the correction; have ' .. describe(diags())
    end, function()
      return not find('name-misspelled')
    end)
    -- Type the misspelling back in, character edits and all.
    vim.api.nvim_buf_set_text(buf, NAME_LINE + 2, l:find('Putin', 1, true) + 2, NAME_LINE + 2,
      l:find('Putin', 1, true) + 2, { 't' })
    wait_for(function()
      return 'name-misspelled to come back; have ' .. describe(diags())
    end, function()
      local d = find('name-misspelled')
      return d and d.lnum == NAME_LINE + 2
    end)
  end)
end

-- ---------------------------------------------------------------------------------------------
-- Commands

check(':FactlineReloadCorpus reloads without error', function()
  expect(vim.fn.exists(':FactlineReloadCorpus') == 2, ':FactlineReloadCorpus is not defined')
  notifications = {}
  vim.cmd('FactlineReloadCorpus')
  wait_for(function()
    return 'a reload notification; have ' .. vim.inspect(notifications)
  end, function()
    for _, msg in ipairs(notifications) do
      if msg:find('factline', 1, true) then
        return msg
      end
    end
  end)
  for _, msg in ipairs(notifications) do
    expect(not msg:find('failed', 1, true), 'reload reported: %s', msg)
  end
  -- The fixture corpus (factline.toml: corpus = ["corpus"]) has three articles.
  local response = client:request_sync('workspace/executeCommand',
    { command = 'factline.reloadCorpus', arguments = {} }, TIMEOUT, buf)
  expect(response and not response.err, 'reload: %s', vim.inspect(response))
  expect(type(response.result) == 'table' and response.result.articles == 3,
    'reload should report the 3 fixture articles: %s', vim.inspect(response.result))
end)

check('factline.corpusReport returns a Markdown report', function()
  local response = client:request_sync('workspace/executeCommand',
    { command = 'factline.corpusReport', arguments = {} }, TIMEOUT, buf)
  expect(response, 'executeCommand timed out')
  expect(not response.err, 'error: %s', vim.inspect(response.err))
  expect(type(response.result) == 'string', 'result is %s, not a string', type(response.result))
  expect(response.result:find('Choe Son-hui', 1, true), 'report does not mention Choe Son-hui:\n%s', response.result)
end)

check("the server's informational logs do not land in lsp.log as [ERROR]", function()
  local path = vim.lsp.get_log_path()
  local lines = vim.uv.fs_stat(path) and vim.fn.readfile(path) or {}
  for _, entry in ipairs(lines) do
    expect(not (entry:find('[ERROR]', 1, true) and entry:find('stderr', 1, true) and entry:find('INFO', 1, true)),
      'an INFO line logged as an error: %s', entry)
  end
end)

check(':FactlineCorpusReport opens the report in a read-only markdown buffer', function()
  expect(vim.fn.exists(':FactlineCorpusReport') == 2, ':FactlineCorpusReport is not defined')
  local wins = #vim.api.nvim_list_wins()
  vim.cmd('FactlineCorpusReport')
  wait_for(function()
    return 'a new window with the report'
  end, function()
    return #vim.api.nvim_list_wins() > wins
  end)
  local report = vim.api.nvim_get_current_buf()
  local text = table.concat(vim.api.nvim_buf_get_lines(report, 0, -1, false), '\n')
  expect(vim.bo[report].filetype == 'markdown', 'filetype %q', vim.bo[report].filetype)
  expect(not vim.bo[report].modifiable, 'the report buffer is modifiable')
  expect(text:find('Choe Son-hui', 1, true), 'the report does not mention Choe Son-hui:\n%s', text)
  vim.cmd('close')
end)

check('a folder with only a corpus/ folder (no .git, no factline.toml) is the root', function()
  -- The root Neovim computes from the plugin's root_markers, for a draft two folders below.
  local tmp = vim.fn.tempname()
  vim.fn.mkdir(tmp .. '/corpus', 'p')
  vim.fn.mkdir(tmp .. '/stories/2026', 'p')
  local draft_path = tmp .. '/stories/2026/draft.md'
  vim.fn.writefile({ 'A draft.' }, draft_path)
  local root = vim.fs.root(draft_path, require('factline').root_markers)
  vim.fn.delete(tmp, 'rf')
  expect(root == vim.fs.normalize(tmp), 'root is %s, expected %s', tostring(root), tmp)
end)

finish()
