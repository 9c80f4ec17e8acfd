" Indentation for KOOM files: one 'shiftwidth' (two spaces, see
" ftplugin/koom.lua) for each open `{`, less one for a line starting with `}`.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent
setlocal nosmartindent nocindent
setlocal indentexpr=GetKoomIndent(v:lnum)
setlocal indentkeys=0},!^F,o,O
let b:undo_indent = 'setlocal autoindent< smartindent< cindent< indentexpr< indentkeys<'

if exists('*GetKoomIndent')
  finish
endif

" A line without its strings and its comment.
function! s:Code(lnum) abort
  let line = substitute(getline(a:lnum), '"\%([^"\\]\|\\.\)*"\=', '""', 'g')
  return substitute(line, '#.*$', '', '')
endfunction

function! GetKoomIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let ind = indent(prev)
  let code = s:Code(prev)
  " Braces opened and not closed on the previous line.
  let opened = len(substitute(code, '[^{]', '', 'g')) - len(substitute(code, '[^}]', '', 'g'))
  " A previous line starting with `}` has already been dedented.
  if code =~# '^\s*}'
    let opened += 1
  endif
  if opened > 0
    let ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction
