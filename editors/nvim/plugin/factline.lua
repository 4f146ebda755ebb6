-- User commands and autocommands of the factline plugin (the server itself starts via
-- vim.lsp.enable('factline')).
if vim.g.loaded_factline then
  return
end
vim.g.loaded_factline = true

vim.api.nvim_create_user_command('FactlineReloadCorpus', function()
  require('factline').reload_corpus()
end, { desc = 'factline: re-read the corpus folders' })

vim.api.nvim_create_user_command('FactlineCorpusReport', function()
  require('factline').corpus_report()
end, { desc = 'factline: show what was learned from the corpus' })

local group = vim.api.nvim_create_augroup('factline', { clear = true })

-- With no server to run, say so (Neovim only logs it).
vim.api.nvim_create_autocmd('FileType', {
  group = group,
  pattern = { 'markdown', 'text' },
  callback = function()
    require('factline').check_cmd()
  end,
})

-- The diagnostic float lists the sources of a finding (vim.diagnostic.open_float()).
vim.api.nvim_create_autocmd('LspAttach', {
  group = group,
  callback = function(args)
    local client = vim.lsp.get_client_by_id(args.data.client_id)
    if client and client.name == 'factline' then
      require('factline').install_float_format()
    end
  end,
})
