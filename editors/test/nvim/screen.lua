-- Captures what a Neovim user sees: runs screen_inner.lua in a Neovim inside this (headless)
-- Neovim's terminal, whose emulator draws the inner screen into a buffer, and saves that
-- screen when the diagnostic float is open and when the hover is (run by run.sh).
--
-- Environment: FACTLINE_BIN, FACTLINE_WS, FACTLINE_OUT (where screen-*.txt go), NVIM_BIN,
-- FACTLINE_RTP (editors/nvim). Prints "ok NAME" / "FAIL NAME: reason"; exits non-zero on a failure.
local out_dir = assert(os.getenv('FACTLINE_OUT'))
local marks = out_dir .. '/marks'
vim.fn.mkdir(marks, 'p')

local passed, failed = 0, 0
local function say(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    say('ok ' .. name)
  else
    failed = failed + 1
    say('FAIL ' .. name .. ': ' .. tostring(err):gsub('\n', '\n    '))
  end
end
local function expect(cond, fmt, ...)
  if not cond then
    error(string.format(fmt, ...), 0)
  end
end

vim.o.columns = 110
vim.o.lines = 30
local term = vim.api.nvim_get_current_buf()
local inner = vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'screen_inner.lua')
vim.fn.jobstart({
  assert(os.getenv('NVIM_BIN')),
  '--clean',
  '--cmd',
  'set rtp^=' .. assert(os.getenv('FACTLINE_RTP')),
  '-c',
  'luafile ' .. inner,
}, {
  term = true,
  env = {
    FACTLINE_MARKS = marks,
    XDG_STATE_HOME = out_dir .. '/state',
    XDG_CONFIG_HOME = out_dir .. '/config',
    XDG_DATA_HOME = out_dir .. '/data',
  },
})

--- Waits for the inner Neovim to reach a state, lets the terminal draw, saves the screen.
local function capture(name)
  local reached = vim.wait(40000, function()
    return vim.uv.fs_stat(marks .. '/' .. name) ~= nil or vim.uv.fs_stat(marks .. '/error') ~= nil
  end, 50)
  local err = vim.uv.fs_stat(marks .. '/error') and table.concat(vim.fn.readfile(marks .. '/error'), '\n')
  expect(reached and not err, 'the inner Neovim did not reach "%s": %s', name, err or 'timed out')
  vim.wait(700) -- the terminal draws what the inner Neovim printed
  local lines = vim.api.nvim_buf_get_lines(term, 0, -1, false)
  local screen = table.concat(lines, '\n')
  vim.fn.writefile(lines, out_dir .. '/screen-' .. name .. '.txt')
  say('screen: ' .. out_dir .. '/screen-' .. name .. '.txt')
  vim.fn.writefile({}, marks .. '/' .. name .. '-done')
  return screen
end

check('the diagnostic float shows the finding with its sources (outlet, date, quote)', function()
  local screen = capture('float')
  expect(screen:find('The sources put the meeting', 1, true), 'no date-conflict message on screen:\n%s', screen)
  expect(screen:find('Sources:', 1, true), 'no sources in the float:\n%s', screen)
  expect(screen:find('Harbor Wire, 2025-10-28', 1, true), 'no outlet and date of the source:\n%s', screen)
  expect(screen:find('harbor_wire_choe_putin.md:6', 1, true), 'no file:line of the source:\n%s', screen)
  expect(screen:find('met Russian President', 1, true), 'no quote in the float:\n%s', screen)
end)

check('the hover shows the sources with outlet, date and quote, no backslash escapes', function()
  local screen = capture('hover')
  expect(screen:find('contradicted by the sources', 1, true), 'no hover verdict on screen:\n%s', screen)
  expect(screen:find('Harbor Wire', 1, true) and screen:find('2025-10-28', 1, true), 'no outlet and date:\n%s', screen)
  expect(screen:find('harbor_wire_choe_putin.md:6', 1, true), 'no plain file name (no \\_) in the hover:\n%s', screen)
  expect(not screen:find('\\_', 1, true), 'a literal \\_ on screen:\n%s', screen)
  expect(screen:find('met Russian President', 1, true), 'no quote in the hover:\n%s', screen)
end)

say(string.format('nvim-screen: %d passed, %d failed', passed, failed))
vim.cmd(failed > 0 and 'cquit 1' or 'qall!')
