-- Neovim (0.7 and later) as a client of the standalone server, set up exactly as README.md shows:
-- diagnostics, completion, hover and the quick fix arrive over stdio. Run by tools/e2e/neovim.sh:
--   VPP_SETUP=readme-block.lua VPP_RESULT=out.txt nvim --headless --clean -u NONE -c 'luafile lsp.lua'
local setup = assert(os.getenv('VPP_SETUP'), 'VPP_SETUP is not set')
local result_file = assert(os.getenv('VPP_RESULT'), 'VPP_RESULT is not set')
local results, failures = {}, 0

local function check(name, ok, detail)
  if ok then
    table.insert(results, 'ok ' .. name)
  else
    failures = failures + 1
    table.insert(results, 'not ok ' .. name .. (detail and (': ' .. detail) or ''))
  end
end

local function finish()
  local f = assert(io.open(result_file, 'w'))
  f:write(table.concat(results, '\n') .. '\n')
  f:close()
  if failures > 0 then vim.cmd('cquit! 1') else vim.cmd('qall!') end
end

local loaded, err = pcall(dofile, setup)
check("README's setup loads", loaded, err)

local lines = {
  '# vpp-version: 26.06',
  'create interface af-xdp host-if eth0 name afxdp0',
  'create interface af_xdp host-if eth1 name afxdp1',
  'create tap ',
}
local path = vim.fn.tempname() .. '.vpp'
vim.fn.writefile(lines, path)
vim.cmd('edit ' .. vim.fn.fnameescape(path))
local buf = vim.api.nvim_get_current_buf()
check('*.vpp gets filetype vpp-cli', vim.bo[buf].filetype == 'vpp-cli', vim.bo[buf].filetype)

-- buf_get_clients exists from 0.5 on (later releases add get_clients)
local client
vim.wait(15000, function()
  client = select(2, next(vim.lsp.buf_get_clients(buf)))
  return client ~= nil and client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil
end, 50)
check('the server starts and attaches', client ~= nil and client.name == 'vpp')
if not client then return finish() end
local client_id = client.id
local uri = vim.uri_from_bufnr(buf)
local function request(method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, 15000) or {}
  local answer = answers[client_id] or {}
  return answer.result, answer.err
end

-- diagnostics, as Neovim shows them
local shown = {}
check('diagnostics arrive', vim.wait(15000, function()
  shown = vim.diagnostic.get(buf)
  return #shown > 0
end, 50))
local first = shown[1]
check('one error, on af-xdp', #shown == 1 and first.severity == vim.diagnostic.severity.ERROR
  and first.lnum == 1 and first.col == 17 and first.end_col == 23, vim.inspect(shown))
-- the code is a field from 0.8 on; 0.7 keeps what it does not map in user_data.lsp
local lsp_data = first and first.user_data and first.user_data.lsp or {}
local code = first and (first.code or lsp_data.code)
check('its code is vpp.unknown-command', code == 'vpp.unknown-command', vim.inspect(first))
-- back to an LSP diagnostic for the code action request (data carries the fixes)
local diagnostic = first and {
  range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
  severity = 1, code = code, source = first.source, message = first.message, data = lsp_data.data,
}

-- completion after `create tap `
local completion = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = 3, character = 11 } })
local labels = {}
for _, item in ipairs((completion and (completion.items or completion)) or {}) do labels[item.label] = true end
check('completion lists host-if-name and host-ns', labels['host-if-name'] and labels['host-ns'], vim.inspect(vim.tbl_keys(labels)))

-- hover on af_xdp
local hover = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = 2, character = 19 } })
local text = ''
if hover and hover.contents then
  text = type(hover.contents) == 'string' and hover.contents or (hover.contents.value or vim.inspect(hover.contents))
end
check('hover shows the AF_XDP course text', text:find('AF_XDP', 1, true) ~= nil, text:sub(1, 200))

-- the quick fix
if diagnostic then
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic } },
  }) or {}
  local fixed = false
  for _, action in ipairs(actions) do
    local edits = action.edit and action.edit.changes and action.edit.changes[uri] or {}
    if edits[1] and edits[1].newText == 'af_xdp' then fixed = true end
  end
  check('the quick fix changes af-xdp to af_xdp', fixed, vim.inspect(actions))
end

vim.lsp.stop_client(client_id)
finish()
