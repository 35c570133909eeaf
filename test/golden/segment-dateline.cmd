# sentences, tokens, boilerplate of a small page
"$CLIO" segment --quiet segment-dateline.txt
