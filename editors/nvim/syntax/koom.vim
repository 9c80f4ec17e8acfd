" Vim syntax file
" Language:    KOOM directive language (koomc), version 1.0
" Filenames:   *.koom
"
" Keywords are those of grammar/koom.pest (the `keyword` rule), listed in
" editors/keywords.txt; the groups follow the TextMate grammar's scopes
" (editors/vscode/syntaxes/koom.tmLanguage.json).

if exists('b:current_syntax')
  finish
endif
" lua/koom/treesitter.lua highlights this buffer with the tree-sitter parser.
if get(b:, 'koom_treesitter', 0) is v:true
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
" Names are kebab-case: `on-time-delivery` holds no keyword `on`.
syn iskeyword @,48-57,_,192-255,-

" Every keyword, for the patterns that must not take a keyword for a name or a unit.
let s:keywords = 'koom\|org\|revision\|executive\|manager\|coe\|worker\|under\|metric\|unit\|better\|baseline\|per\|use'
      \ . '\|cycle\|from\|to\|window\|budget\|direction\|priority\|align\|on\|resolve\|for'
      \ . '\|urgent\|goal\|constraint\|keep\|outcome\|allocate\|tech\|by'
      \ . '\|because\|ai'
      \ . '\|task\|step\|workflow\|procedure\|process\|standard\|training\|assign'
let s:not_keyword = '\%(\<\%(' . s:keywords . '\)\>\)\@!'

" Comments and strings --------------------------------------------------------
syn keyword koomTodo contained TODO FIXME XXX NOTE
syn match   koomComment /#.*$/ contains=koomTodo,@Spell
syn region  koomString start=/"/ skip=/\\\\\|\\"/ end=/"\|$/ oneline contains=koomEscapeError,koomEscape,@Spell
syn match   koomEscapeError /\\./ contained
syn match   koomEscape /\\["\\]/ contained

" Declarations ----------------------------------------------------------------
syn keyword koomDeclaration koom nextgroup=koomVersion skipwhite
syn keyword koomDeclaration manager coe worker nextgroup=koomOrgUnitName skipwhite
syn keyword koomDeclaration metric nextgroup=koomMetricName skipwhite
syn keyword koomDeclaration unit nextgroup=koomUnit skipwhite
syn keyword koomDeclaration org revision executive under better baseline per use
syn match   koomVersion /\d\+\%(\.\d\+\)*\>/ contained
exe 'syn match koomOrgUnitName /' . s:not_keyword . '\a\k*/ contained'
exe 'syn match koomMetricName /' . s:not_keyword . '\a\k*/ contained'
syn keyword koomBetter higher lower

" Cycles ----------------------------------------------------------------------
syn keyword koomCycleKeyword cycle nextgroup=koomCycleId,koomCycleName skipwhite
syn keyword koomCycleKeyword priority nextgroup=koomRank skipwhite
syn keyword koomCycleKeyword resolve nextgroup=koomEscalation skipwhite
syn keyword koomCycleKeyword from to window budget direction align on for
syn match   koomCycleId /\d\+\%(-\w\+\)\=\>/ contained
exe 'syn match koomCycleName /' . s:not_keyword . '\a\k*/ contained'
syn match   koomRank /\d\+\>/ contained

" Directives and annotations --------------------------------------------------
syn keyword koomDirective goal nextgroup=koomGoalId skipwhite
syn keyword koomDirective urgent constraint keep outcome allocate tech by
exe 'syn match koomGoalId /' . s:not_keyword . '\a\k*\ze\s*:/ contained'
syn keyword koomAnnotation ai nextgroup=koomAiUse,koomAiUseError skipwhite
syn keyword koomAnnotation because
syn match   koomAiUseError /\a\k*/ contained
syn keyword koomAiUse summarize draft scenario explore expand interpret contained

" Refused forms (spec section 5): the word, then anything to the end of the line
" or one { ... } block. (A region, not a keyword: a keyword would win over it.)
syn region  koomRefusedForm matchgroup=koomRefused
      \ start=/\<\%(task\|step\|workflow\|procedure\|process\|standard\|training\|assign\)\>/
      \ end=/$\|\ze}/ contains=koomRefusedBlock
syn region  koomRefusedBlock matchgroup=koomRefusedBrace start=/{/ end=/}/ contained contains=koomRefusedBlock

" Literals --------------------------------------------------------------------
" A number koomc will refuse (`12kk`, `2pp` outside a change, `3days`).
syn match   koomNumberError /\<\d[[:alnum:]_.]*/
" `1200`, `1_200`, `4.2`, `250k`, `1.2m`, then an optional unit.
syn match   koomNumber /\<\d[0-9_]*\%(\.\d[0-9_]*\)\=[kmb]\=\>/ nextgroup=koomPercent,koomUnit skipwhite
" A change: `-12%`, `+2pp`, `-40k USD/month`.
syn match   koomChange /\%([[:alnum:]_.-]\)\@1<![+-]\d[0-9_]*\%(\.\d[0-9_]*\)\=[kmb]\=\%(%\|pp\>\|\>\)/ nextgroup=koomUnit skipwhite
syn match   koomPercent /%/ contained
exe 'syn match koomUnit /%\|' . s:not_keyword . '\a[[:alnum:]_/-]*/ contained'
syn match   koomDate /\<\d\+-\d\+-\d\+\>/
syn match   koomCycleId /\<\d\{4}-[QH]\d\>/
syn match   koomEscalation /\<[A-Z][A-Z0-9]*-\d\+\>/
syn match   koomOperator /[<>]=\=\|=/
syn match   koomDelimiter /[,:]/

" `{ ... }` blocks, for folding (foldmethod=syntax). Blocks span lines: parse
" from the start of the file (KOOM files are short).
syn sync fromstart
syn region  koomBlock matchgroup=koomBrace start=/{/ end=/}/ transparent fold

" Highlighting ----------------------------------------------------------------
hi def link koomComment      Comment
hi def link koomTodo         Todo
hi def link koomString       String
hi def link koomEscape       SpecialChar
hi def link koomEscapeError  Error
hi def link koomDeclaration  StorageClass
hi def link koomCycleKeyword Statement
hi def link koomDirective    Keyword
hi def link koomAnnotation   PreProc
hi def link koomRefused      Error
hi def link koomRefusedBrace Delimiter
hi def link koomBetter       Boolean
hi def link koomVersion      Number
hi def link koomOrgUnitName  Identifier
hi def link koomMetricName   Identifier
hi def link koomCycleName    Identifier
hi def link koomGoalId       Identifier
hi def link koomCycleId      Constant
hi def link koomRank         Number
hi def link koomEscalation   Constant
hi def link koomAiUse        Constant
hi def link koomAiUseError   Error
hi def link koomNumber       Number
hi def link koomNumberError  Error
hi def link koomChange       Float
hi def link koomPercent      Type
hi def link koomUnit         Type
hi def link koomDate         Number
hi def link koomOperator     Operator
hi def link koomDelimiter    Delimiter
hi def link koomBrace        Delimiter

let b:current_syntax = 'koom'

let &cpo = s:cpo_save
unlet s:cpo_save
