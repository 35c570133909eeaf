# a bad JSON line between good ones: the good ones are processed, the error names line and byte
"$CLIO" segment jsonl-bad-line.jsonl > out.tmp 2>&1; rc=$?
sed 's/clio: [^ ]*jsonl-bad-line.jsonl/clio: jsonl-bad-line.jsonl/' out.tmp; rm -f out.tmp
echo "exit $rc"
