-- factline for Neovim 0.11+: the language server config read by vim.lsp.config()/vim.lsp.enable().
--
-- With editors/nvim on 'runtimepath':
--   vim.lsp.config('factline', { settings = { factline = { corpus = { 'sources' } } } })
--   vim.lsp.enable('factline')
-- or, the same through the Lua module: require('factline').setup({ corpus = { 'sources' } }).
return require('factline').config()
