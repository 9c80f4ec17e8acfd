; Scopes, definitions and references for KOOM (tree-sitter-koom).
; Every name is global to the file (and to the files it `use`s): units,
; metrics, goal ids and cycles are each declared once (spec section 3).
; A definition is a `name:` field of a declaration; every other name is a
; reference (`to operations`, `priority 1 ship-more`, `keep throughput`).

(source_file) @local.scope

; `manager operations`, `coe quality`, `worker night-shift`
(unit_declaration name: (name) @local.definition.namespace)
; `metric overhead`
(metric_declaration name: (name) @local.definition.var)
; `goal ship-more: throughput >= 1300`
(goal name: (name) @local.definition.constant)
; `cycle atlas-launch from … to …`
(cycle name: (name) @local.definition.type)

(name) @local.reference
