#!/bin/sh
# Writes samples/task-table.xls (Excel 97-2003, BIFF8) and samples/task-table.ods (OpenDocument) from
# samples/task-table.xlsx with LibreOffice, so the three formats hold the same invented 分工表 and the tests can expect
# the same tasks from each; likewise samples/sectioned-task-table.xls and .ods (whose 完成时限 2024年12月 is a date cell
# formatted to show the month). Run from the repository root; needs soffice (Debian: libreoffice-calc-nogui).
set -eu
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for name in task-table sectioned-task-table; do
  soffice -env:UserInstallation="file://$out/profile" --headless --convert-to xls --outdir "$out" "$PWD/samples/$name.xlsx" >/dev/null
  soffice -env:UserInstallation="file://$out/profile" --headless --convert-to ods --outdir "$out" "$PWD/samples/$name.xlsx" >/dev/null
  cp "$out/$name.xls" "$out/$name.ods" samples/
done
