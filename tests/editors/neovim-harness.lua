-- Drives Neovim after the configuration snippet of docs/editors.md was run: opens the model,
-- waits for `vsm lsp`'s diagnostics, asks for completion and a definition, and writes what it
-- got to $VSM_TRY_OUT, one tab-separated line each, for try.sh to check.
-- Written for Neovim 0.7 (the Debian 12 package) and later.
local out = assert(io.open(os.getenv('VSM_TRY_OUT'), 'w'))
local function say(...)
  out:write(table.concat(vim.tbl_map(tostring, { ... }), '\t'), '\n')
end

local ok, failure = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('VSM_TRY_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  say('filetype', vim.bo[buf].filetype)
  -- Wait for a diagnostic from each server named in $VSM_TRY_SOURCES (a prefix of its
  -- `source`, comma-separated).
  local sources = vim.split(os.getenv('VSM_TRY_SOURCES') or 'vsm', ',')
  local seen = vim.wait(30000, function()
    for _, wanted in ipairs(sources) do
      local found = false
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        found = found or vim.startswith(d.source or '', wanted)
      end
      if not found then
        return false
      end
    end
    return true
  end, 50)
  say('waited', seen)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    say('diagnostic', d.source or '', d.lnum + 1, d.col + 1, d.code or lsp.code or '', d.message)
  end
  local uri = vim.uri_from_bufnr(buf)
  local function request(method, line, character)
    local params = { textDocument = { uri = uri }, position = { line = line, character = character } }
    local responses = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
    local results = {}
    for _, response in pairs(responses) do
      if response.result then
        table.insert(results, response.result)
      end
    end
    return results
  end
  -- Completion inside `capabilities: [` (0-based line 15, after the bracket).
  for _, result in ipairs(request('textDocument/completion', 15, 23)) do
    for _, item in ipairs(result.items or result) do
      say('completion', item.label, item.insertText or '')
    end
  end
  -- Definition of `customer` in `trigger: customer` (0-based line 7).
  for _, result in ipairs(request('textDocument/definition', 7, 14)) do
    for _, location in ipairs(result.uri and { result } or result) do
      say('definition', vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ':t'),
        location.range.start.line + 1)
    end
  end
end)
if not ok then
  say('error', failure)
end
out:close()
vim.cmd('qa!')
