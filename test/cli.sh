#!/usr/bin/env bash
# CLI behaviour: exit codes, error messages naming file/line/byte, bad input
# around good documents, pathological inputs with a bound on work.
set -u
C=${CLIO:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
no() { echo "not ok - $1: $2"; }
check() { if eval "$2"; then ok "$1"; else no "$1" "$2"; fi; }

# invalid UTF-8: error with byte offset, non-zero exit; --lenient codes it
printf 'ok\n\xff\n' | "$C" code --date 2025-07-22 - >"$tmp/o" 2>"$tmp/e"; rc=$?
check "invalid UTF-8 exits 1" "[ $rc -eq 1 ]"
check "invalid UTF-8 names byte 3" "grep -q 'byte 3' '$tmp/e'"
printf 'ok\n\xff\n' | "$C" code --lenient --date 2025-07-22 - >"$tmp/o" 2>"$tmp/e"; rc=$?
check "lenient exits 0" "[ $rc -eq 0 ]"
check "lenient reports one replaced byte" "grep -q '1 replaced bytes' '$tmp/e'"
# NUL byte
printf 'a\0b' | "$C" code - >/dev/null 2>"$tmp/e"; rc=$?
check "NUL byte is an error" "[ $rc -eq 1 ] && grep -q 'NUL' '$tmp/e'"
# JSON Lines: bad line in the middle, good ones around it are still processed
printf '{"id":"a","date":"2025-01-02","text":"Alpha one."}\n{"id": oops}\n{"id":"c","text":"Gamma three."}\n' >"$tmp/in.jsonl"
"$C" segment "$tmp/in.jsonl" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "malformed JSON line exits 1" "[ $rc -eq 1 ]"
check "malformed JSON names file:line and byte" "grep -q 'in.jsonl:2: byte 7' '$tmp/e'"
check "documents around a bad line are processed" "grep -q '\"doc_id\":\"a\"' '$tmp/o' && grep -q '\"doc_id\":\"c\"' '$tmp/o'"
# deep nesting in JSON is refused, not a crash
python3 -c "print('{\"text\":' + '['*100000 + ']'*100000 + '}')" >"$tmp/deep.jsonl"
"$C" segment "$tmp/deep.jsonl" >/dev/null 2>"$tmp/e"; rc=$?
check "deep JSON nesting is an error" "[ $rc -eq 1 ] && grep -q 'nesting' '$tmp/e'"
# bad date
printf '{"id":"x","date":"2025-02-30","text":"Hi."}\n' | "$C" segment - >/dev/null 2>"$tmp/e"; rc=$?
check "invalid date is an error" "[ $rc -eq 1 ] && grep -q 'date' '$tmp/e'"
# usage errors
"$C" code --format nope - </dev/null >/dev/null 2>&1; rc=$?
check "bad --format exits 2" "[ $rc -eq 2 ]"
"$C" frobnicate >/dev/null 2>&1; rc=$?
check "unknown command exits 2" "[ $rc -eq 2 ]"
"$C" segment "$tmp/does-not-exist" >/dev/null 2>"$tmp/e"; rc=$?
check "missing file exits 3" "[ $rc -eq 3 ] && grep -q 'does-not-exist' '$tmp/e'"
# pathological: a 50 MB line without spaces, a million quotes, a million commas
python3 -c "import sys; sys.stdout.write('a'*50_000_000)" >"$tmp/long"
"$C" segment --quiet "$tmp/long" >"$tmp/o" 2>/dev/null; rc=$?
check "50 MB single-token line" "[ $rc -eq 0 ] && grep -q '\"tokens\":1,' '$tmp/o'"
python3 -c "import sys; sys.stdout.write('\"'*1_000_000)" >"$tmp/quotes"
"$C" segment --quiet "$tmp/quotes" >"$tmp/o" 2>/dev/null; rc=$?
check "a million quotes" "[ $rc -eq 0 ] && grep -q '\"tokens\":1000000' '$tmp/o'"
python3 -c "import sys; sys.stdout.write('x,'*500_000)" >"$tmp/commas"
"$C" segment --quiet "$tmp/commas" >"$tmp/o" 2>/dev/null; rc=$?
check "a line of a million commas and words" "[ $rc -eq 0 ] && grep -q '\"tokens\":1000000' '$tmp/o'"
# threads keep input order
python3 -c "
import json
for i in range(200): print(json.dumps({'id':'d%03d'%i,'text':'Sentence number %d. Another one.'%i}))" >"$tmp/many.jsonl"
"$C" segment -j 4 "$tmp/many.jsonl" 2>/dev/null | grep '"sentences"' | python3 -c "
import sys,json; ids=[json.loads(l)['doc_id'] for l in sys.stdin]; sys.exit(0 if ids==sorted(ids) and len(ids)==200 else 1)"
check "-j 4 keeps input order" "[ $? -eq 0 ]"
# the example page: the address block is boilerplate once, sentences intact
if [ -d "${SHARED:-../shared}/examples" ]; then
  "$C" segment "$SHARED/examples/istanbul-talks/page.txt" >"$tmp/seg" 2>/dev/null
  check "page: address block kept once, as boilerplate" "[ \$(grep -c 'Via Mario Greco' '$tmp/seg') -eq 1 ] && grep 'Via Mario Greco' '$tmp/seg' | grep -q '\"boilerplate\":true'"
  python3 - "$tmp/seg" <<'PY' > "$tmp/segcheck"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
sents = [r for r in rows if "text" in r and not r["boilerplate"]]
abbrev_break = [s["text"] for s in sents if s["text"].endswith("U.S.")]
quotes_split = [s["text"] for s in sents if s["text"].count("\u201c") != s["text"].count("\u201d")]
lower_start = [s["text"] for s in sents if s["text"][:1].islower()]
print("abbrev", len(abbrev_break)); print("quotes", len(quotes_split)); print("lower", len(lower_start))
print("count", len(sents))
PY
  check "page: no sentence breaks after the abbreviation U.S." "grep -q '^abbrev 0$' '$tmp/segcheck'"
  check "page: quoted phrases stay inside their sentences" "grep -q '^quotes 0$' '$tmp/segcheck' && grep -q '^lower 0$' '$tmp/segcheck'"
  check "page: 23 article sentences" "grep -q '^count 23$' '$tmp/segcheck'"
else
  ok "SKIP page checks (../shared absent)"
fi
# --dedup day: the same event reported by two documents is kept once with both ids
printf '{"id":"d1","date":"2026-01-10","text":"Russian troops attacked Ukrainian positions on Friday."}\n{"id":"d2","date":"2026-01-10","text":"Russian troops attacked Ukrainian positions on Friday."}\n' > "$tmp/dup.jsonl"
"$C" code --quiet --dedup day "$tmp/dup.jsonl" > "$tmp/dd" 2>/dev/null
check "--dedup day keeps one event per day, dyad and code" "[ \$(grep -c '\"code\":\"19' '$tmp/dd') -ge 1 ] && python3 -c \"
import json,sys
rows=[json.loads(l) for l in open('$tmp/dd')]
keys=[(r['date']['value'] if r['date'] else '', r['source']['code'], (r['target'] or {}).get('code'), r['code']) for r in rows]
ok=len(keys)==len(set(keys)) and all(r['dedup']['documents']==2 and r['dedup']['doc_ids']==['d1','d2'] for r in rows)
sys.exit(0 if ok and rows else 1)\""
# a news agency's credit in the dateline is no actor; the dateline's place gives bare roles their country
printf '{"id":"dl","date":"2025-03-10","text":"ISTANBUL (Reuters) - Police detained the mayor on Sunday."}\n' | "$C" code --format tsv - > "$tmp/dl" 2>/dev/null
check "dateline credit is not an actor; roles take the dateline's country" "grep -q 'TURCOP' '$tmp/dl' && ! grep -q 'GBR' '$tmp/dl'"
# explain names the rule and the reason for predicates without events
printf 'The village was attacked on Monday. Russian troops shelled Ukrainian positions near Kharkiv on Monday.\n' | "$C" explain --date 2026-01-15 - > "$tmp/ex" 2>/dev/null
check "explain shows an event with its rule" "grep -q '=> EVENT RUSMIL' '$tmp/ex' && grep -q 'rule data/dict/events/' '$tmp/ex'"
check "explain gives the reason a predicate made no event" "grep -q 'no event from \"attacked\": no source actor' '$tmp/ex'"
# formats carry the same events
printf 'Russian troops shelled Ukrainian positions near Kharkiv on Monday.\n' > "$tmp/one.txt"
nj=$("$C" code --quiet --format jsonl --date 2026-01-15 "$tmp/one.txt" | wc -l)
nt=$("$C" code --quiet --format tsv --date 2026-01-15 "$tmp/one.txt" | tail -n +2 | wc -l)
check "JSONL and TSV carry the same events" "[ $nj -ge 1 ] && [ $nj -eq $nt ]"
