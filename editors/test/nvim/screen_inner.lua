-- The Neovim whose screen screen.lua captures (it runs in a terminal of screen.lua's Neovim):
-- opens the draft, then shows the diagnostic float on the date finding and, after that,
-- the hover on it, each until screen.lua has read the screen.
--
-- Environment: FACTLINE_BIN, FACTLINE_WS, FACTLINE_MARKS (a folder for the hand-over files).
local bin = assert(os.getenv('FACTLINE_BIN'))
local ws = assert(os.getenv('FACTLINE_WS'))
local marks = assert(os.getenv('FACTLINE_MARKS'))

local function mark(name, text)
  local file = assert(io.open(marks .. '/' .. name, 'w'))
  file:write(text or '')
  file:close()
end
local function wait_mark(name)
  return vim.wait(30000, function()
    return vim.uv.fs_stat(marks .. '/' .. name) ~= nil
  end, 50)
end
local function floats()
  return vim.tbl_filter(function(win)
    return vim.api.nvim_win_get_config(win).relative ~= ''
  end, vim.api.nvim_list_wins())
end
local function close_floats()
  for _, win in ipairs(floats()) do
    pcall(vim.api.nvim_win_close, win, true)
  end
end

vim.o.laststatus = 2
vim.lsp.config('factline', { cmd = { bin, 'lsp' } })
vim.lsp.enable('factline')
vim.cmd.edit(vim.fn.fnameescape(ws .. '/draft.md'))

local date
vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == 'date-conflict' then
      date = d
    end
  end
  return date ~= nil
end, 50)
if not date then
  mark('error', 'no date-conflict diagnostic arrived')
  vim.cmd('qall!')
  return
end
vim.api.nvim_win_set_cursor(0, { date.lnum + 1, date.col })

-- The diagnostic float (what `:lua vim.diagnostic.open_float()` shows).
vim.diagnostic.open_float({ scope = 'cursor' })
vim.cmd.redraw()
mark('float')
wait_mark('float-done')
close_floats()

-- The hover on the same date (`K`).
vim.lsp.buf.hover()
vim.wait(10000, function()
  return #floats() > 0
end, 50)
vim.cmd.redraw()
mark('hover')
wait_mark('hover-done')
vim.cmd('qall!')
