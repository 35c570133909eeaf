#!/usr/bin/env bash
# Coder checks on whole documents.
#  - the Istanbul page (../shared; skipped when absent): every "Required" event of EXPECTED.md
#    (source, target, code prefixes), nothing from the address block, none of the listed
#    wrong events; the count of required events found may not fall below
#    test/expect/istanbul.min (a ratchet: raise it as the coder improves);
#  - the project's own demo article (examples/article.gold.jsonl) and dev gold
#    (test/data/dev-gold.jsonl), and the CAMEO manual examples (../shared): root+dyad F1 may not
#    fall below the figures in test/expect/*.f1.
set -u
C=${CLIO:?}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
no() { echo "not ok - $1${2:+: $2}"; }

"$C" code --help >/dev/null 2>&1 || { no "clio runs"; exit 0; }
page="$SHARED/examples/istanbul-talks/document.jsonl"
if [ -f "$page" ]; then
  "$C" code --format jsonl --quiet "$page" > "$tmp/ev.jsonl" 2>/dev/null
  python3 - "$tmp/ev.jsonl" "$ROOT/test/expect/istanbul.min" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def has(src, tgt, code, date=None):
    for e in ev:
        s = e["source"]["code"]; t = (e["target"] or {}).get("code", "")
        if s.startswith(src) and t.startswith(tgt) and e["code"].startswith(code):
            if date is None or (e["date"] and e["date"]["value"] == date):
                return True
    return False
required = [
    ("UKRGOV", "RUSGOV", "036", "2025-07-23"), ("RUSGOV", "UKRGOV", "036", "2025-07-23"),
    ("UKR", "RUS", "0353", None), ("RUS", "UKR", "0353", None),
    ("UKR", "RUS", "046", None), ("RUS", "UKR", "046", None),
    ("TURGOV", "UKR", "026", None), ("TURGOV", "RUS", "026", None),
    ("UKR", "RUS", "044", "2025-05-16"), ("RUS", "UKR", "044", "2025-05-16"),
    ("UKR", "RUS", "044", "2025-06-02"), ("RUS", "UKR", "044", "2025-06-02"),
    ("RUS", "UKR", "195", None), ("RUS", "UKR", "192", None), ("RUS", "UKR", "105", None),
    ("RUS", "UKR", "192", "2014"), ("RUSGOV", "UKR", "10", None), ("UKR", "RUS", "12", None),
    ("UKR", "RUS", "012", None), ("TURGOV", "RUS", "191", None),
]
found = 0
for r in required:
    if has(*r):
        found += 1
    else:
        print("# missing required event %s>%s:%s%s" % (r[0], r[1], r[2], " on " + r[3] if r[3] else ""))
mn = int(open(sys.argv[2]).read().split()[0])
print(("ok" if found >= mn else "not ok") + " - Istanbul page: %d of %d required events (at least %d)" % (found, len(required), mn))
bad_bp = [e for e in ev if e["sentence"] in (0, 1)]
print(("ok" if not bad_bp else "not ok") + " - Istanbul page: no event from the address block")
usa = [e for e in ev if e["code"][:2] == "04" and ("USA" in (e["source"]["code"], (e["target"] or {}).get("code")))]
print(("ok" if not usa else "not ok") + " - Istanbul page: U.S. is not a participant in the talks")
nato = [e for e in ev if e["code"][:2] in ("18", "19", "20") and (e["target"] or {}).get("code", "").startswith("IGOWSTNAT")]
print(("ok" if not nato else "not ok") + " - Istanbul page: NATO is not the target of an attack")
keys = [(e["sentence"], e["source"]["code"], (e["target"] or {}).get("code"), e["code"], json.dumps(e["date"])) for e in ev]
print(("ok" if len(keys) == len(set(keys)) else "not ok") + " - Istanbul page: no event twice")
PY
else
  ok "SKIP Istanbul page (../shared absent)"
fi

f1_check() { # name gold expect-file
  local name=$1 gold=$2 exp=$3
  if [ ! -f "$gold" ]; then ok "SKIP $name (absent)"; return; fi
  local got min
  got=$("$C" eval --json "$gold" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["root+dyad"]["f1"])' 2>/dev/null)
  min=$(cat "$exp")
  if [ -n "$got" ] && python3 -c "import sys; sys.exit(0 if float('$got') >= float('$min') else 1)"; then
    ok "$name: root+dyad F1 $got (at least $min)"
  else
    no "$name: root+dyad F1 ${got:-?} below $min"
  fi
}
f1_check "demo article gold" "$ROOT/examples/article.gold.jsonl" "$ROOT/test/expect/article.f1"
f1_check "dev gold" "$ROOT/test/data/dev-gold.jsonl" "$ROOT/test/expect/dev-gold.f1"
f1_check "dev2 gold (wire style, roots 11-20)" "$ROOT/test/data/dev2-gold.jsonl" "$ROOT/test/expect/dev2-gold.f1"
f1_check "dev3 gold (wire style, roots 01-10)" "$ROOT/test/data/dev3-gold.jsonl" "$ROOT/test/expect/dev3-gold.f1"
f1_check "dev4 gold (wire style, all roots, places)" "$ROOT/test/data/dev4-gold.jsonl" "$ROOT/test/expect/dev4-gold.f1"
f1_check "dev5 gold (wire style, all roots, written in the fourth session)" "$ROOT/test/data/dev5-gold.jsonl" "$ROOT/test/expect/dev5-gold.f1"
f1_check "dev6 gold (wire style, all roots, written in the fifth session)" "$ROOT/test/data/dev6-gold.jsonl" "$ROOT/test/expect/dev6-gold.f1"
f1_check "dev7 gold (wire style with datelines, all roots, written in the fifth session)" "$ROOT/test/data/dev7-gold.jsonl" "$ROOT/test/expect/dev7-gold.f1"
f1_check "CAMEO manual examples" "$SHARED/gold/cameo_manual_examples.jsonl" "$ROOT/test/expect/cameo-manual.f1"
