" KOOM directive language files.
autocmd BufRead,BufNewFile *.koom setfiletype koom
