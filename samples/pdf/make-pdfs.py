#!/usr/bin/env python3
"""Builds the sample PDFs in this folder from the text samples one level up.

Each text sample becomes a flat ODT (paragraphs; tab-separated lines become a bordered table whose header row repeats
on every page, rows with trailing empty cells become a merged group row), with a running header and a page-number
footer, and LibreOffice prints it to PDF. Then two PDFs that must be refused: scan.pdf, page 1 of deadline-forms.pdf as a picture only (as a scanner makes
it: no text layer), and encrypted.pdf, deadline-forms.pdf with an open password. Needs `soffice`
(libreoffice-writer-nogui), a CJK font (fonts-noto-cjk), `pdftoppm` (poppler-utils) and `qpdf`.
Only the generated PDFs are committed; tests never run this script.

    python3 samples/pdf/make-pdfs.py [name.pdf ...]
"""
import base64, html, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)

# (text sample, pdf name, running header, footer kind, body font size in pt)
JOBS = [
    ("deadline-forms.txt", "deadline-forms.pdf", "西岭市人民政府办公室", "dash", 16),
    ("tab-table.txt", "tab-table.pdf", "东川区人民政府办公室文件", "of", 16),
    # The same table in a larger cell font: it runs over a page break, its header row repeats on page 2, and a row
    # breaks across the pages.
    ("tab-table.txt", "tab-table-two-pages.pdf", "东川区人民政府办公室文件", "of", 16, "14pt"),
    # The same table without borders: columns only from the header row and the vertical alignment of the cells.
    ("tab-table.txt", "tab-table-unruled.pdf", "东川区人民政府办公室文件", "of", 16, "10.5pt", "none"),
]

def footer(kind):
    num = '<text:page-number text:select-page="current">1</text:page-number>'
    if kind == "dash":
        return f"— {num} —"
    return f'第 {num} 页 共 <text:page-count>1</text:page-count> 页'

def esc(s):
    return html.escape(s, quote=False)

def table(rows, widths):
    n = len(rows[0])
    out = ['<table:table table:name="T1" table:style-name="Tbl">']
    for i in range(n):
        out.append(f'<table:table-column table:style-name="Col{i}"/>')
    def row(cells):
        filled = [c for c in cells if c.strip()]
        if len(filled) == 1 and cells[0].strip() and not cells[0].strip().isdigit() and all(not c.strip() for c in cells[1:]):
            return (f'<table:table-row><table:table-cell table:style-name="Cell" table:number-columns-spanned="{n}">'
                    f'<text:p text:style-name="Cellp">{esc(cells[0])}</text:p></table:table-cell>'
                    + '<table:covered-table-cell/>' * (n - 1) + '</table:table-row>')
        return ('<table:table-row>' + ''.join(
            f'<table:table-cell table:style-name="Cell"><text:p text:style-name="Cellp">{esc(c)}</text:p></table:table-cell>'
            for c in cells) + '</table:table-row>')
    out.append('<table:table-header-rows>' + row(rows[0]) + '</table:table-header-rows>')
    out += [row(r) for r in rows[1:]]
    out.append('</table:table>')
    return '\n'.join(out)

def body(lines):
    out, rows = [], []
    def flush():
        if rows:
            out.append(table(rows, None))
            rows.clear()
    for line in lines:
        if "\t" in line:
            cells = line.split("\t")
            if rows and cells == rows[0]:
                continue  # the text repeats the header; the PDF repeats it by itself on each page
            rows.append(cells)
            continue
        if not line.strip():
            if rows:
                continue
            continue
        flush()
        out.append(f'<text:p text:style-name="Body">{esc(line)}</text:p>')
    flush()
    return '\n'.join(out)

def fodt(lines, head, foot, size, cell_size, border):
    widths = ["1.2cm", "6.2cm", "3.2cm", "3.2cm", "2.2cm"]
    cols = ''.join(f'<style:style style:name="Col{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}"/></style:style>'
                   for i, w in enumerate(widths))
    font = 'style:font-name="Noto Serif CJK SC" fo:font-family="\'Noto Serif CJK SC\'" style:font-name-asian="Noto Serif CJK SC" style:font-family-asian="\'Noto Serif CJK SC\'"'
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="{2*size}pt" fo:margin-bottom="0pt"/><style:text-properties {font} fo:font-size="{size}pt" style:font-size-asian="{size}pt"/></style:style>
<style:style style:name="Cellp" style:family="paragraph"><style:text-properties {font} fo:font-size="{cell_size}" style:font-size-asian="{cell_size}"/></style:style>
<style:style style:name="Run" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties {font} fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
{cols}
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="{border}"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
<style:header><text:p text:style-name="Run">{esc(head)}</text:p></style:header>
<style:footer><text:p text:style-name="Run">{foot}</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
{body(lines)}
</office:text></office:body></office:document>
'''

def main():
    only = sys.argv[1:]  # names of the PDFs to make again; none: all of them
    with tempfile.TemporaryDirectory() as tmp:
        for src, pdf, head, foot, size, *cell in JOBS:
            if only and pdf not in only:
                continue
            with open(os.path.join(SAMPLES, src), encoding="utf-8") as f:
                lines = f.read().splitlines()
            stem = os.path.splitext(pdf)[0]
            path = os.path.join(tmp, stem + ".fodt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(fodt(lines, head, footer(foot), size, cell[0] if cell else "10.5pt", cell[1] if len(cell) > 1 else "0.5pt solid #000000"))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", HERE, path], check=True,
                           stdout=subprocess.DEVNULL)
            print(pdf, os.path.getsize(os.path.join(HERE, pdf)), "bytes")

        if only:
            return
        # A scan: the first page as a grey picture, nothing else.
        subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile",
                        os.path.join(HERE, "deadline-forms.pdf"), os.path.join(tmp, "page")], check=True)
        with open(os.path.join(tmp, "page.png"), "rb") as f:
            png = base64.b64encode(f.read()).decode()
        scan = os.path.join(tmp, "scan.fodt")
        with open(scan, "w", encoding="utf-8") as f:
            f.write(SCAN.replace("PNG", png))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", HERE, scan], check=True,
                       stdout=subprocess.DEVNULL)
        print("scan.pdf", os.path.getsize(os.path.join(HERE, "scan.pdf")), "bytes")

        subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--",
                        os.path.join(HERE, "deadline-forms.pdf"), os.path.join(HERE, "encrypted.pdf")], check=True)
        print("encrypted.pdf", os.path.getsize(os.path.join(HERE, "encrypted.pdf")), "bytes")

SCAN = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:text2="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text><text:p><draw:frame draw:name="page" text:anchor-type="as-char" svg:width="16cm" svg:height="22.6cm">
<draw:image><office:binary-data>PNG</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body></office:document>
"""

if __name__ == "__main__":
    main()
