-- User commands of the factline plugin (the server itself starts via vim.lsp.enable('factline')).
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
