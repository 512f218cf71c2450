#!/bin/sh
# Writes samples/task-table.xls (Excel 97-2003, BIFF8) and samples/task-table.ods (OpenDocument) from
# samples/task-table.xlsx with LibreOffice, so the three formats hold the same invented 分工表 and the tests can expect
# the same tasks from each. Run from the repository root; needs soffice (Debian: libreoffice-calc-nogui).
set -eu
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
soffice --headless --convert-to xls --outdir "$out" samples/task-table.xlsx >/dev/null
soffice --headless --convert-to ods --outdir "$out" samples/task-table.xlsx >/dev/null
cp "$out/task-table.xls" "$out/task-table.ods" samples/
