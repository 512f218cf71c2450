#!/usr/bin/env python3
"""Builds the sample PDFs in this folder from the text samples one level up.

Each text sample becomes a flat ODT (paragraphs; tab-separated lines become a bordered table whose header row repeats
on every page, rows with trailing empty cells become a merged group row), with a running header and a page-number
footer, and LibreOffice prints it to PDF. Then two PDFs that must be refused: scan.pdf, page 1 of deadline-forms.pdf as a picture only (as a scanner makes
it: no text layer), and encrypted.pdf, deadline-forms.pdf with an open password. The tables of TABLE_JOBS below
are written cell by cell (merged cells, headers over two lines or two rows, with or without borders, text at the top
or in the middle of its cell), each with its text original. Needs `soffice` (libreoffice-writer-nogui), a CJK font
(fonts-noto-cjk), `pdftoppm` (poppler-utils) and `qpdf`. Only the generated PDFs and text originals are committed;
tests never run this script.

    python3 samples/pdf/make-pdfs.py [name.pdf ...]
    python3 samples/pdf/make-pdfs.py --seeds DIR    # the seeds (../shared/seeds), printed into DIR, not committed
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

def table(rows, widths, header=True):
    n = len(rows[0])
    out = ['<table:table table:name="T1" table:style-name="Tbl">']
    for i in range(n):
        out.append(f'<table:table-column table:style-name="Col{i}"/>')
    # None stands for a cell covered by the one above it (merged down): the cell above spans those rows.
    spans = {}
    for i in range(1, len(rows)):
        for k, c in enumerate(rows[i]):
            if c is None:
                top = i
                while rows[top][k] is None:
                    top -= 1
                spans[(top, k)] = spans.get((top, k), 1) + 1
    def row(cells, i=0):
        if any(c is None for c in cells) or any((i, k) in spans for k in range(len(cells))):
            return '<table:table-row>' + ''.join(
                '<table:covered-table-cell/>' if c is None else
                f'<table:table-cell table:style-name="Cell" table:number-rows-spanned="{spans.get((i, k), 1)}">'
                f'<text:p text:style-name="Cellp">{esc(c)}</text:p></table:table-cell>'
                for k, c in enumerate(cells)) + '</table:table-row>'
        filled = [c for c in cells if c.strip()]
        if len(filled) == 1 and cells[0].strip() and not cells[0].strip().isdigit() and all(not c.strip() for c in cells[1:]):
            return (f'<table:table-row><table:table-cell table:style-name="Cell" table:number-columns-spanned="{n}">'
                    f'<text:p text:style-name="Cellp">{esc(cells[0])}</text:p></table:table-cell>'
                    + '<table:covered-table-cell/>' * (n - 1) + '</table:table-row>')
        return ('<table:table-row>' + ''.join(
            f'<table:table-cell table:style-name="Cell"><text:p text:style-name="Cellp">{esc(c)}</text:p></table:table-cell>'
            for c in cells) + '</table:table-row>')
    if header:
        out.append('<table:table-header-rows>' + row(rows[0]) + '</table:table-header-rows>')
    out += [row(r, i) for i, r in enumerate(rows[1:] if header else rows, 1 if header else 0)]
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
    return document(body(lines), head, foot, size, cell_size, border, ["1.2cm", "6.2cm", "3.2cm", "3.2cm", "2.2cm"], "top")

def document(body_xml, head, foot, size, cell_size, border, widths, valign):
    cols = ''.join(f'<style:style style:name="Col{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}"/></style:style>'
                   for i, w in enumerate(widths))
    font = 'style:font-name="Noto Serif CJK SC" fo:font-family="\'Noto Serif CJK SC\'" style:font-name-asian="Noto Serif CJK SC" style:font-family-asian="\'Noto Serif CJK SC\'"'
    sans = 'fo:font-family="\'Noto Sans CJK SC\'" style:font-family-asian="\'Noto Sans CJK SC\'"'
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="{2*size}pt" fo:margin-bottom="0pt"/><style:text-properties {font} fo:font-size="{size}pt" style:font-size-asian="{size}pt"/></style:style>
<style:style style:name="Cellp" style:family="paragraph"><style:text-properties {font} fo:font-size="{cell_size}" style:font-size-asian="{cell_size}"/></style:style>
<style:style style:name="Headp" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties {sans} fo:font-size="{cell_size}" style:font-size-asian="{cell_size}"/></style:style>
<style:style style:name="Run" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties {font} fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:style style:name="Sect" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
<style:style style:name="Sect3" style:family="section"><style:section-properties><style:columns fo:column-count="3" fo:column-gap="0.6cm"/></style:section-properties></style:style>
<style:style style:name="Sect4" style:family="section"><style:section-properties><style:columns fo:column-count="4" fo:column-gap="0.5cm"/></style:section-properties></style:style>
<style:style style:name="Side" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="right" style:horizontal-rel="paragraph" fo:margin-left="0.5cm" fo:margin-right="0cm" fo:border="none" fo:padding="0cm" fo:background-color="#e8e8e8"/></style:style>
<style:style style:name="SideBare" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="right" style:horizontal-rel="paragraph" fo:margin-left="0.6cm" fo:margin-right="0cm" fo:border="none" fo:padding="0cm" style:shadow="none" draw:fill="none" draw:stroke="none"/></style:style>
<style:style style:name="SideBareLeft" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="left" style:horizontal-rel="paragraph" fo:margin-left="0cm" fo:margin-right="0.6cm" fo:border="none" fo:padding="0cm" style:shadow="none" draw:fill="none" draw:stroke="none"/></style:style>
<style:style style:name="Box" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="left" style:horizontal-rel="paragraph" fo:margin-left="0cm" fo:margin-right="0.5cm" fo:border="0.5pt solid #000000" fo:padding="0.2cm"/></style:style>
<style:style style:name="BoxWide" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" style:horizontal-rel="paragraph" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm" fo:border="0.5pt solid #000000" fo:padding="0.2cm"/></style:style>
<style:style style:name="BoxMid" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" style:horizontal-rel="paragraph" fo:margin-left="0.4cm" fo:margin-right="0.4cm" fo:border="0.5pt solid #000000" fo:padding="0.2cm"/></style:style>
<style:style style:name="Shade" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" style:horizontal-rel="paragraph" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm" fo:border="none" fo:padding="0.3cm" style:shadow="none" draw:stroke="none" draw:fill="solid" draw:fill-color="#e0e0e0" fo:background-color="#e0e0e0"/></style:style>
<style:style style:name="SideChain" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="from-top" style:vertical-rel="page-content" style:horizontal-pos="right" style:horizontal-rel="page-content" fo:margin-left="0.5cm" fo:margin-right="0cm" fo:border="0.5pt solid #000000" fo:padding="0.2cm"/></style:style>
<style:style style:name="SideBareMid" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" style:horizontal-rel="paragraph" fo:margin-left="0.6cm" fo:margin-right="0.6cm" fo:border="none" fo:padding="0cm" style:shadow="none" draw:fill="none" draw:stroke="none"/></style:style>
<style:style style:name="Round" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="left" style:horizontal-rel="paragraph" fo:margin-left="0cm" fo:margin-right="0.5cm" draw:stroke="solid" svg:stroke-width="0.03cm" svg:stroke-color="#000000" draw:fill="none" draw:auto-grow-height="true" draw:textarea-vertical-align="top" draw:textarea-horizontal-align="justify" fo:wrap-option="wrap" fo:padding-top="0.2cm" fo:padding-bottom="0.2cm" fo:padding-left="0.3cm" fo:padding-right="0.3cm" style:shadow="hidden"/></style:style>
<style:style style:name="RoundShade" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" style:horizontal-rel="paragraph" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm" draw:stroke="none" draw:fill="solid" draw:fill-color="#e0e0e0" draw:auto-grow-height="true" draw:textarea-vertical-align="top" draw:textarea-horizontal-align="justify" fo:wrap-option="wrap" fo:padding-top="0.3cm" fo:padding-bottom="0.3cm" fo:padding-left="0.4cm" fo:padding-right="0.4cm" style:shadow="hidden"/></style:style>
<style:style style:name="Bevel" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="right" style:horizontal-rel="paragraph" fo:margin-left="0.5cm" fo:margin-right="0cm" draw:stroke="solid" svg:stroke-width="0.03cm" svg:stroke-color="#000000" draw:fill="none" draw:auto-grow-height="false" draw:textarea-vertical-align="middle" draw:textarea-horizontal-align="justify" fo:wrap-option="wrap" fo:padding-top="0.3cm" fo:padding-bottom="0.3cm" fo:padding-left="0.5cm" fo:padding-right="0.5cm" style:shadow="hidden"/></style:style>
<style:style style:name="GutterBox" style:family="graphic"><style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit" style:vertical-pos="from-top" style:vertical-rel="page-content" style:horizontal-pos="center" style:horizontal-rel="page-content" fo:margin-left="0.4cm" fo:margin-right="0.4cm" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm" fo:border="0.5pt solid #000000" fo:padding="0.2cm" style:flow-with-text="false"/></style:style>
<style:style style:name="BreakBody" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="BodyJ" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-align="justify"/></style:style>
<style:style style:name="Note" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties {font} fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="NoteHead" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="3pt"/><style:text-properties {sans} fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:margin-top="7pt" fo:margin-bottom="3pt"/><style:text-properties {sans} fo:font-size="{size}pt" style:font-size-asian="{size}pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/><style:text-properties {font} fo:font-size="{size + 4}pt" style:font-size-asian="{size + 4}pt"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
{cols}
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="{border}" style:vertical-align="{valign}"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
<style:header><text:p text:style-name="Run">{esc(head)}</text:p></style:header>
<style:footer><text:p text:style-name="Run">{foot}</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
{body_xml}
</office:text></office:body></office:document>
'''

# Tables written cell by cell, in the layouts Word and WPS give a 任务分工表: cells merged down a column (a 牵头单位 or
# 完成时限 shared by several tasks), header cells wrapped over two lines, a header over two rows (责任单位 above 牵头单位 |
# 配合单位), text centred vertically in its cell. A row is a list of cells; a cell is a string ("\n" breaks the line),
# or (text, rows_down, columns_across) for a merged cell; None is a cell covered by a merge above; a row of one string
# is a group row across the table. Each table has its text original (a .txt here, shared by the PDFs of that table):
# the same document with the table as tab-separated rows, a merged cell's text written in every row it covers, the
# header as one row (the lower names of a header over two rows). Tests compare what a PDF gives with what its text
# original gives.

NANPING_NOTICE = [
    "南屏市人民政府办公室关于印发南屏市职业教育提质培优行动任务分工表的通知",
    "各县（区）人民政府，市政府各部门：",
    "经市政府同意，现将《南屏市职业教育提质培优行动任务分工表》印发给你们，请各牵头单位会同配合单位细化措施、压实责任，每季度末将工作进展情况报市教育局汇总。",
    "南屏市人民政府办公室",
    "2024年3月18日",
    "附件",
    "南屏市职业教育提质培优行动任务分工表",
]

NANPING_ROWS = [
    ["一、优化专业布局"],
    ["1", "制定全市职业院校专业设置指导目录，建立专业预警和退出机制，每年发布专业设置情况报告。", ("市教育局", 3, 1),
     "市人力资源社会保障局、市发展改革委", "2024年6月底前"],
    ["2", "围绕先进制造、现代农业、文化旅游等产业集群，每所中职学校重点建设2至3个骨干专业。", None,
     "市工业和信息化局、市农业农村局、市文化旅游局", ("2025年底前", 2, 1)],
    ["3", "推进中高职贯通培养，贯通培养专业点达到20个以上。", None, "南屏职业技术学院", None],
    ["二、深化产教融合"],
    ["4", "培育市级产教融合型企业30家以上，落实“金融+财政+土地+信用”组合式激励政策。", "市发展改革委",
     "市财政局、市税务局、市自然资源局", "持续推进"],
    ["5", "推动每所职业院校与至少5家规模以上企业签订合作协议，共建生产性实训基地。", ("市教育局", 2, 1),
     "市工业和信息化局、市国资委", ("2025年底前", 2, 1)],
    ["6", "组建市域产教联合体2个，吸纳行业企业、科研院所共同参与。", None, "", None],
    ["三、强化师资保障"],
    ["7", "落实职业院校教师5年一周期的全员培训制度，专业课教师每年到企业实践不少于1个月。", "市教育局", "市财政局",
     "每年12月底前"],
    ["8", "建立企业工程技术人员到职业院校兼职任教制度，兼职教师占专业课教师比例达到20%。", "市人力资源社会保障局",
     "市教育局、市国资委", "2025年底前"],
]

QINGCHUAN_NOTICE = [
    "青川县职业教育改革攻坚行动任务清单",
    "为推动职业教育改革攻坚行动落地见效，现将各项任务分解如下，各责任单位要对照清单逐项推进，按期完成。",
]

QINGCHUAN_ROWS = [
    ["1", "编制县域职业教育发展规划（2024—2027年），明确职业学校布局和专业结构。", "县教育局", "县发展改革局", "2024年9月底前"],
    ["2", "实施县职业中专达标建设工程，新建实训楼1栋，更新实训设备。", "县教育局", "县财政局、县自然资源局", "2025年底前"],
    ["3", "建立职业教育经费稳定投入机制，中职生均公用经费不低于省定标准。", "县财政局", "县教育局", "每年3月底前"],
    ["4", "开展“订单式”人才培养，与县内龙头企业合作开设订单班5个以上。", "县教育局", "县工业和信息化局、县人力资源社会保障局", "2024年底前"],
    ["5", "推进职业学校“双师型”教师队伍建设，“双师型”教师占专业课教师比例达到60%。", "县教育局", "县人力资源社会保障局", "2025年底前"],
    ["6", "面向新型职业农民开展农业实用技术培训，年培训3000人次以上。", "县农业农村局", "县教育局、各乡镇人民政府", "每年12月底前"],
    ["7", "建设县级公共实训基地，向职业学校、企业和社会人员开放共享。", "县人力资源社会保障局", "县教育局、县财政局", "2026年6月底前"],
    ["8", "落实中职学生资助政策，做到应助尽助，资助资金按时足额发放。", "县教育局", "县财政局", "长期坚持"],
    ["9", "举办职业教育活动周，展示职业教育改革成果，营造崇尚技能的社会氛围。", "县教育局", "县委宣传部、县总工会", "每年5月"],
    ["10", "建立职业教育质量年度报告制度，向社会公开办学质量。", "县教育局", "各职业学校", "每年12月底前"],
    ["11", "推动职业学校毕业生在县内就业创业，落实就业创业扶持政策。", "县人力资源社会保障局", "县教育局、县财政局", "持续推进"],
    ["12", "建立职业学校教师职称评审绿色通道，向专业课教师倾斜。", ("县人力资源社会保障局", 3, 1), "县教育局", "2025年6月底前"],
    ["13", "推行职业技能等级认定社会化，支持职业学校开展第三方评价。", None, "县教育局", "持续推进"],
    ["14", "落实技能人才与同等学历人员同等待遇政策，在招聘、落户等方面一视同仁。", None, "县委组织部、县公安局", "长期坚持"],
    ["15", "将职业教育改革攻坚任务完成情况纳入对乡镇和部门的年度绩效考核。", "县政府督查室", "县教育局", "每年12月底前"],
]

# A page set in three columns, as a 政策解读 page or a 通知 printed newspaper-style: a title and a 文号 across the page,
# then a section of three columns. Headings (一、…) have space above them and are set in another font, so the lines
# of one column do not stand on the baselines of the next; the third column ends short of the page's foot.
CHENGXI_TITLE = "澄溪市人民政府办公室关于做好职业院校技能人才培养重点工作的通知"
CHENGXI_HEAD = "澄政办发〔2025〕9号"
CHENGXI_BODY = [
    ("Body", "各区人民政府，市政府各部门，各职业院校："),
    ("Body", "为落实全市技能人才工作会议部署，加快培养产业发展急需的高技能人才，经市政府同意，现就今年职业院校技能人才培养重点工作通知如下。"),
    ("Head", "一、扩大培养规模"),
    ("Body", "1.扩大中高职贯通招生。围绕智能制造、现代物流、康养服务等领域，增加中高职贯通培养计划，全年贯通招生不少于1800人。（牵头单位：市教育局；配合单位：市发展改革委、市人力资源社会保障局；完成时限：2025年7月底前）"),
    ("Body", "2.推行新型学徒制。支持规模以上企业与职业院校联合招收学徒，按规定落实培训补贴，年内培训企业新型学徒600人以上。（牵头单位：市人力资源社会保障局；配合单位：市财政局、市总工会；完成时限：2025年12月底前）"),
    ("Body", "3.开展社会人员学历提升。面向退役军人、新型职业农民和在岗职工开展学历与技能双提升，职业院校扩大社会招生规模。（牵头单位：市教育局；配合单位：市退役军人事务局、市农业农村局；完成时限：持续推进）"),
    ("Head", "二、提升培养质量"),
    ("Body", "4.建设市级专业教学资源库。遴选10个左右骨干专业建设教学资源库，推动优质课程资源向区域内职业院校开放共享。（牵头单位：市教育局；配合单位：市数据局；完成时限：2026年6月底前）"),
    ("Body", "5.共建产业学院。推动职业院校与重点园区、龙头企业共建产业学院5个以上，实行校企双主体育人。（牵头单位：市工业和信息化局；配合单位：市教育局、市国资委、各区人民政府；完成时限：2025年底前）"),
    ("Body", "6.举办职业院校技能大赛。每年组织一次全市职业院校技能大赛，赛项覆盖主要专业大类，获奖选手优先推荐参加省赛。（牵头单位：市教育局；配合单位：市人力资源社会保障局；完成时限：每年5月底前）"),
    ("Head", "三、强化条件保障"),
    ("Body", "7.落实生均拨款制度。高职院校生均拨款水平不低于1.2万元，中职学校生均公用经费按标准足额拨付。（牵头单位：市财政局；配合单位：市教育局；完成时限：长期坚持）"),
    ("Body", "8.加强实训基地建设。统筹各类资金支持公共实训基地和校内实训基地建设，新增实训工位2000个。（牵头单位：市发展改革委；配合单位：市财政局、市教育局；完成时限：2026年底前）"),
    ("Body", "各区、各部门要按照分工抓好落实，每半年将进展情况报送市教育局。"),
    ("Body", "澄溪市人民政府办公室"),
    ("Body", "2025年3月6日"),
]

def three_columns(title, head, paragraphs):
    body = f'<text:p text:style-name="Title">{esc(title)}</text:p>\n<text:p text:style-name="Run">{esc(head)}</text:p>\n'
    body += '<text:section text:style-name="Sect3" text:name="S1">\n'
    body += '\n'.join(f'<text:p text:style-name="{style}">{esc(p)}</text:p>' for style, p in paragraphs)
    return body + '\n</text:section>'

# A task list printed as a table without rules and without a header row (the header was dropped, or the list was
# never given one): columns only from how the cells line up, row after row; rows run over the page break. Its text
# original carries the header the columns would have.
SHIWAN_NOTICE = [
    "石湾县人民政府办公室关于印发石湾县中等职业教育扩容提质行动任务清单的通知",
    "各乡镇人民政府，县政府各部门：",
    "《石湾县中等职业教育扩容提质行动任务清单》已经县政府同意，现印发给你们。各牵头单位要会同配合单位制定推进计划，于每季度结束后10日内向县教育局报送进展情况。",
    "石湾县人民政府办公室",
    "2025年2月20日",
    "附件",
    "石湾县中等职业教育扩容提质行动任务清单",
]

SHIWAN_HEADER = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]]

SHIWAN_ROWS = [
    ["一、扩大优质资源"],
    ["1", "实施县职业中专新校区建设工程，新增校舍面积3万平方米，2026年秋季学期投入使用。", "县教育局", "县发展改革局、县自然资源局、县住房城乡建设局", "2026年8月底前"],
    ["2", "推进县职业中专与县技工学校统筹发展，实现招生、专业、师资、实训基地共享。", "县教育局", "县人力资源社会保障局、县委编办", "2025年12月底前"],
    ["3", "创建省级优质中等职业学校，建成省级品牌专业2个。", "县教育局", "县财政局", "2027年底前"],
    ["4", "改善办学条件，按标准补齐实训设备、图书和信息化设施短板。", "县财政局", "县教育局", "2025年底前"],
    ["5", "新建县域公共实训中心，面向职业学校学生和社会人员开放。", "县人力资源社会保障局", "县教育局、县财政局、县工业园区管委会", "2026年6月底前"],
    ["二、深化校企合作"],
    ["6", "组织县内规模以上企业与职业学校开展结对合作，每个骨干专业对接企业不少于3家。", "县工业和信息化局", "县教育局、县工商联", "2025年9月底前"],
    ["7", "开设乡村振兴订单班，培养农村电商、农产品加工等实用人才。", "县农业农村局", "县教育局、县商务局、各乡镇人民政府", "每年9月"],
    ["8", "建设校企共建生产性实训基地3个，企业以设备、技术等要素参与办学。", "县教育局", "县工业和信息化局、县国资办", "2026年底前"],
    ["9", "落实产教融合型企业税费优惠政策，对参与办学的企业按规定给予支持。", "县税务局", "县财政局、县发展改革局", "长期坚持"],
    ["10", "举办校企合作洽谈会，发布企业用工需求和职业学校专业设置清单。", "县人力资源社会保障局", "县教育局、县工商联", "每年4月"],
    ["三、加强队伍建设"],
    ["11", "按照编制标准配齐配足职业学校教师，专业课教师占比达到60%以上。", "县委编办", "县教育局、县人力资源社会保障局", "2025年12月底前"],
    ["12", "实施“双师型”教师培养计划，每年选派专业课教师到企业实践。", "县教育局", "县工业和信息化局", "持续推进"],
    ["13", "聘请企业技术骨干、能工巧匠担任兼职教师，兼职教师课时费纳入经费预算。", "县教育局", "县财政局、县人力资源社会保障局", "2025年6月底前"],
    ["14", "将职业学校教师参加企业实践情况纳入职称评聘和绩效考核。", "县人力资源社会保障局", "县教育局", "2025年底前"],
]

# The header is printed once, on page 1, and the table runs on over two more pages without it; some rows are broken
# by the page breaks. One column of units (责任单位), the lead marked （牵头）.
YUNXI_NOTICE = [
    "云溪区推进职业教育与产业协同发展工作任务分解表",
    "为抓好区委、区政府关于职业教育与产业协同发展的部署，现将工作任务分解如下。各责任单位要明确分管领导和具体责任人，按时间节点推进。",
]

YUNXI_HEADER = [["序号", "工作任务", "责任单位", "时间节点"]]

YUNXI_ROWS = [
    ["1", "编制区域职业教育与产业协同发展规划，明确重点专业群与主导产业对接清单。", "区教育局（牵头）、区发展改革局", "2025年6月底前"],
    ["2", "建立区级产教融合联席会议制度，每半年召开一次会议，协调解决重大问题。", "区教育局（牵头）、区人力资源社会保障局、区工业和信息化局", "2025年3月底前"],
    ["3", "围绕电子信息、新能源汽车零部件产业，调整职业学校专业结构，新设专业不少于3个。", "区教育局", "2025年9月底前"],
    ["4", "在区工业园区建设职业教育实训基地，引入企业真实生产项目。", "区工业园区管委会（牵头）、区教育局", "2026年底前"],
    ["5", "推动龙头企业参与职业学校专业建设和课程开发，共同制定人才培养方案。", "区工业和信息化局（牵头）、区教育局", "持续推进"],
    ["6", "开展职业学校学生到重点企业岗位实习，实习岗位与所学专业对口率达到80%以上。", "区教育局（牵头）、区人力资源社会保障局", "每年7月底前"],
    ["7", "落实职业学校毕业生留区就业奖励政策，对在区内企业就业满一年的给予一次性补贴。", "区人力资源社会保障局（牵头）、区财政局", "2025年12月底前"],
    ["8", "建设技能大师工作室5个，发挥高技能人才传帮带作用。", "区人力资源社会保障局（牵头）、区总工会", "2026年6月底前"],
    ["9", "设立职业教育发展专项资金，重点支持实训基地和专业建设。", "区财政局（牵头）、区教育局", "每年3月底前"],
    ["10", "组织职业学校为园区企业职工开展岗位技能培训，年培训3000人次以上。", "区教育局（牵头）、区工业园区管委会、区总工会", "每年12月底前"],
    ["11", "推进职业学校与区内中小学合作开展劳动教育和职业启蒙教育。", "区教育局", "持续推进"],
    ["12", "建立企业用工需求定期发布制度，引导职业学校动态调整招生计划。", "区人力资源社会保障局（牵头）、区教育局、区统计局", "每年5月底前"],
    ["13", "将职业教育与产业协同发展工作纳入对各街道和区直部门的年度考核。", "区委督查室（牵头）、区政府督查室", "每年12月底前"],
    ["14", "加大职业教育宣传力度，利用区融媒体中心宣传优秀技能人才事迹。", "区委宣传部（牵头）、区融媒体中心", "长期坚持"],
]

# (pdf name, its text original, paragraphs before the table, header rows, body rows, column widths, cell text size,
#  borders, vertical alignment, header repeated on every page, body text size)
TABLE_JOBS = [
    # Ruled, centred: 牵头单位 merged over three tasks and over two, 完成时限 over two; 牵头\n单位 broken by hand, 完成时限
    # wrapped by its narrow column; one 配合单位 left empty.
    ("merged-cells-table.pdf", "merged-cells-table.txt", NANPING_NOTICE,
     [["序号", "重点任务", "牵头\n单位", "配合单位", "完成时限"]], NANPING_ROWS,
     ["1.1cm", "7.4cm", "2.2cm", "3.7cm", "1.6cm"], "10.5pt", "0.5pt solid #000000", "middle", True, 16),
    # The same table without borders, text at the top of each cell (the default): merged cells are not visible.
    ("merged-cells-unruled.pdf", "merged-cells-table.txt", NANPING_NOTICE,
     [["序号", "重点任务", "牵头\n单位", "配合单位", "完成时限"]], NANPING_ROWS,
     ["1.1cm", "7.4cm", "2.2cm", "3.7cm", "1.6cm"], "10.5pt", "none", "top", True, 16),
    # Without borders, text centred vertically (Word's 居中 for a whole table): a row's number stands in its middle,
    # below the first lines of its other cells; a merged cell's text stands in the middle of the rows it covers.
    ("merged-cells-centred.pdf", "merged-cells-table.txt", NANPING_NOTICE,
     [["序号", "重点任务", "牵头\n单位", "配合单位", "完成时限"]], NANPING_ROWS,
     ["1.1cm", "7.4cm", "2.2cm", "3.7cm", "1.6cm"], "10.5pt", "none", "middle", True, 16),
    # A header over two rows (责任单位 above 牵头单位 | 配合单位, the other header cells merged down both rows), not
    # repeated on page 2; a row broken by the page break.
    ("two-row-header-table.pdf", "two-row-header-table.txt", QINGCHUAN_NOTICE,
     [[("序号", 2, 1), ("工作任务", 2, 1), ("责任单位", 1, 2), None, ("完成时限", 2, 1)],
      [None, None, "牵头单位", "配合单位", None]], QINGCHUAN_ROWS,
     ["1.2cm", "7.0cm", "2.6cm", "3.2cm", "2.0cm"], "12pt", "0.5pt solid #000000", "middle", False, 16),
    # The same without borders, text at the top of each cell: columns only from the header's two lines and the
    # vertical alignment; page 2 continues the table without a header.
    ("two-row-header-unruled.pdf", "two-row-header-table.txt", QINGCHUAN_NOTICE,
     [[("序号", 2, 1), ("工作任务", 2, 1), ("责任单位", 1, 2), None, ("完成时限", 2, 1)],
      [None, None, "牵头单位", "配合单位", None]], QINGCHUAN_ROWS,
     ["1.2cm", "7.0cm", "2.6cm", "3.2cm", "2.0cm"], "12pt", "none", "top", False, 16),
    # No header row at all, no borders: the columns only from the vertical alignment of the cells over many rows.
    ("headerless-unruled.pdf", "headerless-unruled.txt", SHIWAN_NOTICE, [], SHIWAN_ROWS,
     ["1.1cm", "7.0cm", "2.8cm", "3.4cm", "2.1cm"], "12pt", "none", "top", False, 16, "石湾县人民政府办公室", SHIWAN_HEADER),
    # The header printed once, on page 1; the table runs on over the next pages without it, rows broken by the breaks.
    ("header-on-first-page.pdf", "header-on-first-page.txt", YUNXI_NOTICE, YUNXI_HEADER, YUNXI_ROWS,
     ["1.2cm", "8.0cm", "4.6cm", "2.6cm"], "14pt", "none", "top", False, 16, "云溪区人民政府办公室"),
]

# A page set in two columns (a LibreOffice section of two columns under a title across the page): lines are read top
# to bottom, so the columns must be told apart and read one after the other.
BEILING_TITLE = "北岭市职业教育活动周工作方案"
BEILING_BODY = [
    "为展示职业教育改革发展成果，营造崇尚技能的社会氛围，结合我市实际，制定本方案。",
    "一、活动安排",
    "1.举办开幕式暨技能展示活动。在市民广场集中展示职业院校专业建设和学生技能成果，邀请企业现场参与。（责任单位：市教育局；完成时限：2024年5月12日前）",
    "2.开展职业院校开放日活动。各职业院校向社会开放实训基地，组织中小学生和家长参观体验。（责任单位：各职业院校；完成时限：2024年5月）",
    "3.组织技能大师进校园。邀请技能大师、劳动模范到职业院校开展讲座和现场教学。（责任单位：市人力资源社会保障局、市总工会；完成时限：2024年5月底前）",
    "4.举办校企合作对接会。组织职业院校与重点企业签订合作协议，发布岗位需求清单。（责任单位：市工业和信息化局；完成时限：2024年5月20日前）",
    "二、宣传报道",
    "5.开设活动专栏。在市级媒体开设职业教育活动周专栏，集中报道优秀毕业生和技能人才典型。（责任单位：市委宣传部；完成时限：2024年5月）",
    "6.推出短视频作品。围绕职业院校特色专业制作系列短视频，在政务新媒体平台发布。（责任单位：市融媒体中心；完成时限：2024年6月底前）",
    "三、工作要求",
    "各单位要高度重视，精心组织，确保活动安全有序开展，活动结束后5个工作日内将总结报市教育局。",
]

def two_columns(title, paragraphs):
    body = f'<text:p text:style-name="Title">{esc(title)}</text:p>\n<text:section text:style-name="Sect" text:name="S1">\n'
    body += '\n'.join(f'<text:p text:style-name="Body">{esc(p)}</text:p>' for p in paragraphs)
    return body + '\n</text:section>'

# A 图解 page in four columns (a plan's illustrated reading, set like a leaflet): a title across the page, then a
# section of four narrow columns in small type, headings with space above them.
LINJIANG_TITLE = "图解：临江市职业教育产教融合三年行动方案"
LINJIANG_BODY = [
    ("Body", "为深化产教融合、校企合作，市政府制定本方案，用三年时间推动职业教育与产业发展同频共振。"),
    ("Head", "一、搭建合作平台"),
    ("Body", "1.组建市域产教联合体。依托经济开发区和龙头企业，组建市域产教联合体2个。（牵头单位：市教育局；配合单位：市发展改革委、市经济开发区管委会；完成时限：2025年底前）"),
    ("Body", "2.建设行业产教融合共同体。围绕装备制造、绿色食品两个产业，各建设一个行业产教融合共同体。（牵头单位：市工业和信息化局；配合单位：市教育局、市农业农村局；完成时限：2026年6月底前）"),
    ("Head", "二、共建育人载体"),
    ("Body", "3.共建产业学院。推动职业院校与规模以上企业共建产业学院，三年内累计建成8个以上。（牵头单位：市教育局；配合单位：市国资委、市工商联；完成时限：2026年底前）"),
    ("Body", "4.共建实训基地。统筹财政资金和社会资本，新建校企共享实训基地6个，年培训能力达到1万人次。（牵头单位：市人力资源社会保障局；配合单位：市财政局、市教育局；完成时限：2027年6月底前）"),
    ("Head", "三、落实激励政策"),
    ("Body", "5.培育产教融合型企业。建立市级产教融合型企业培育库，入库企业按规定享受税费优惠。（牵头单位：市发展改革委；配合单位：市税务局、市财政局；完成时限：每年12月底前）"),
    ("Body", "6.推行校企人员互聘。支持企业技术骨干到职业院校兼职任教，职业院校教师到企业挂职锻炼。（牵头单位：市人力资源社会保障局；配合单位：市教育局；完成时限：持续推进）"),
    ("Body", "各有关单位每半年向市教育局报送工作进展情况。"),
]

def four_columns(title, paragraphs):
    body = f'<text:p text:style-name="Title">{esc(title)}</text:p>\n<text:section text:style-name="Sect4" text:name="S1">\n'
    body += '\n'.join(f'<text:p text:style-name="{style}">{esc(p)}</text:p>' for style, p in paragraphs)
    return body + '\n</text:section>'

# A 方案 whose page has a sidebar: a 链接 note in a grey frame at the right of the text, which the body runs beside
# (LibreOffice's 环绕: parallel), in smaller type on baselines of its own, taller than the paragraph it
# is anchored at. A person reads the paragraph beside the note's top, then the note; the note holds no task.
# (paragraph, the note anchored at it or None)
HEXI_TITLE = "河西县“双师型”教师队伍建设实施方案"
HEXI_NOTE = ["链接：“双师型”教师", "本方案所称“双师型”教师，是指同时具备理论教学和实践教学能力的职业学校专业课教师，一般须持有教师资格证书和相关职业技能等级证书，或有三年以上企业工作经历。"]
HEXI_BODY = [
    ("为建设一支师德高尚、技艺精湛、专兼结合的职业学校教师队伍，根据上级有关文件精神，结合我县实际，制定本方案。", None),
    ("一、主要任务", None),
    ("1.开展“双师型”教师认定。按照省级认定标准，每年组织一次“双师型”教师认定工作，认定结果作为教师职称评审、岗位聘用和绩效考核的重要依据，到2026年底“双师型”教师占专业课教师比例达到60%以上。（牵头单位：县教育局；配合单位：县人力资源社会保障局；完成时限：2026年底前）", HEXI_NOTE),
    ("2.落实教师企业实践制度。专业课教师每年到企业或实训基地实践不少于一个月，五年一周期累计不少于六个月，实践情况记入教师业务档案。（牵头单位：县教育局；配合单位：县工业和信息化局；完成时限：持续推进）", None),
    ("3.建设兼职教师资源库。面向县内企业遴选技术骨干和能工巧匠，建立兼职教师资源库，入库人员不少于100人。（牵头单位：县人力资源社会保障局；配合单位：县教育局、县总工会；完成时限：2025年9月底前）", None),
    ("二、保障措施", None),
    ("县财政每年安排专项经费支持教师培养培训，各职业学校要将教师队伍建设纳入学校发展规划，确保各项任务落到实处。", None),
]

def sidebar(title, paragraphs):
    out = [f'<text:p text:style-name="Title">{esc(title)}</text:p>']
    for text, note in paragraphs:
        frame = ''
        if note:
            frame = ('<draw:frame draw:style-name="Side" draw:name="Note1" text:anchor-type="paragraph" svg:width="4.6cm" draw:z-index="0">'
                     '<draw:text-box>' + f'<text:p text:style-name="NoteHead">{esc(note[0])}</text:p>'
                     + ''.join(f'<text:p text:style-name="Note">{esc(p)}</text:p>' for p in note[1:]) + '</draw:text-box></draw:frame>')
        out.append(f'<text:p text:style-name="Body">{frame}{esc(text)}</text:p>')
    return '\n'.join(out)

# The same kind of page with unframed sidebars: a 名词解释 column at the right of the text and a 政策依据 column at
# its left, no rule, no shading, set off from the body only by their gutters and their smaller type. Each is taller
# than the paragraph it is anchored at, so the first lines of the next paragraph run beside it too. A person reads
# the paragraph beside a note's top, then the note, then the next paragraph whole.
LIUXI_TITLE = "柳溪县职业教育“订单班”培养实施方案"
LIUXI_NOTE = ["名词解释", "订单班：职业学校根据合作企业的岗位需求，与企业共同制定人才培养方案、共同组织教学和考核，学生毕业后按约定到企业就业的一种培养形式。"]
LIUXI_LEFT_NOTE = ["政策依据", "校企合作开展订单培养，按照职业教育法和省级校企合作促进办法的有关规定执行，学校和企业签订合作协议，明确双方权利义务。"]
LIUXI_BODY = [
    ("为推动职业学校人才培养与县内企业用工需求精准对接，提高毕业生就业质量，结合我县实际，制定本方案。", None),
    ("一、工作任务", None),
    ("1.扩大订单班培养规模。县职业中专每年与县内重点企业合作开设订单班不少于5个，订单班学生占在校生比例逐年提高。（牵头单位：县教育局；配合单位：县工业和信息化局；完成时限：每年9月底前）", LIUXI_NOTE),
    ("2.共同制定培养方案。学校与合作企业共同研究确定订单班的课程设置、实习安排和考核标准，企业技术人员承担不少于三分之一的专业课教学任务。（牵头单位：县教育局；配合单位：县人力资源社会保障局；完成时限：2025年12月底前）", None),
    ("3.保障订单班学生权益。合作企业按规定为顶岗实习学生购买实习责任保险，支付合理实习报酬，不得安排学生从事与专业无关的工作。（牵头单位：县人力资源社会保障局；配合单位：县教育局、县总工会；完成时限：持续推进）", LIUXI_LEFT_NOTE),
    ("4.落实校企合作激励政策。对开设订单班成效明显的企业，按规定落实教育费附加减免和实习补贴等支持政策，并在评优评先中优先考虑。（牵头单位：县财政局；配合单位：县税务局、县教育局；完成时限：2026年6月底前）", None),
    ("二、工作要求", None),
    ("县教育局每年对订单班开设情况进行检查，检查结果作为职业学校年度考核的重要内容。", None),
]

def bare_sidebar(title, paragraphs):
    xml = sidebar(title, paragraphs).replace('draw:style-name="Side"', 'draw:style-name="SideBare"')
    # The second note stands at the left of the text.
    first = xml.index('draw:name="Note1"')
    second = xml.index('draw:style-name="SideBare"', first + 1)
    return xml[:second] + 'draw:style-name="SideBareLeft"' + xml[second + len('draw:style-name="SideBare"'):].replace('draw:name="Note1"', 'draw:name="Note2"', 1)

# A plan with 专栏 boxes: framed text boxes placed in the page. The first stands at the left of the text, which runs
# beside it; the second spans the text width between two paragraphs. A person reads each box as a block of its own,
# after the paragraph beside its top (or above it).
SHANNAN_TITLE = "山南市职业院校办学条件提升工程实施方案"
SHANNAN_BOX_SIDE = ["专栏1：重点建设项目", "实训基地建设项目：新建智能制造、现代农业两个公共实训基地。", "校舍改造项目：改造老旧校舍和学生宿舍，消除安全隐患。", "数字校园项目：建成覆盖全部职业院校的数字化教学平台。"]
SHANNAN_BOX_WIDE = ["专栏2：经费安排", "工程三年总投入约2.4亿元，其中市级财政安排1.2亿元，县级财政和学校自筹1.2亿元，按项目进度分年度拨付，专款专用。"]
SHANNAN_BODY = [
    ("为补齐职业院校办学条件短板，提高技术技能人才培养质量，市政府决定实施职业院校办学条件提升工程，制定本方案。", None),
    ("一、重点任务", None),
    ("1.实施实训条件改善计划。对照专业教学标准，逐校核定实训设备缺口，分年度购置更新实训设备，到2026年底全市职业院校实训设备总值增长30%以上，骨干专业实训工位满足教学需要。（牵头单位：市教育局；配合单位：市财政局；完成时限：2026年底前）", ("Box", SHANNAN_BOX_SIDE)),
    ("2.推进校舍安全改造。开展职业院校校舍安全排查，对存在隐患的校舍实施加固或改造，新建学生宿舍一批。（牵头单位：市住房城乡建设局；配合单位：市教育局、市应急管理局；完成时限：2025年12月底前）", None),
    ("3.加快数字校园建设。统筹建设职业教育数字化教学平台，推动优质课程资源共享共用。（牵头单位：市数据局；配合单位：市教育局；完成时限：2026年6月底前）", ("BoxWide", SHANNAN_BOX_WIDE)),
    ("二、组织实施", None),
    ("各县（市、区）和市直有关部门要加强协作，每季度末将工程推进情况报送市教育局。", None),
]

def text_boxes(title, paragraphs):
    out = [f'<text:p text:style-name="Title">{esc(title)}</text:p>']
    for i, (text, box) in enumerate(paragraphs):
        frame = ''
        if box:
            style, lines = box
            width = "6.4cm" if style == "Box" else "14cm"
            frame = (f'<draw:frame draw:style-name="{style}" draw:name="Box{i}" text:anchor-type="paragraph" svg:width="{width}" draw:z-index="0">'
                     '<draw:text-box>' + f'<text:p text:style-name="NoteHead">{esc(lines[0])}</text:p>'
                     + ''.join(f'<text:p text:style-name="Note">{esc(p)}</text:p>' for p in lines[1:]) + '</draw:text-box></draw:frame>')
        out.append(f'<text:p text:style-name="Body">{frame}{esc(text)}</text:p>')
    return '\n'.join(out)

# A 专栏 box in the middle of the text, the body running on both sides of it (LibreOffice's 环绕: parallel, the frame
# centred): each body line beside the box is cut in two by it and is read left piece, right piece. A person reads the
# paragraph beside the box's top whole, then the box.
QINGHE_TITLE = "青禾市职业学校学生实习管理规范化实施方案"
QINGHE_BOX = ["专栏：实习“五不得”", "不得安排一年级学生顶岗实习；", "不得安排学生从事高危工作；", "不得安排学生在法定节假日实习；", "不得收取押金；", "不得通过中介机构代理组织实习。"]
QINGHE_BODY = [
    ("为规范职业学校学生实习管理，维护学生合法权益，提高实习质量，根据教育部等部门有关规定，结合我市实际，制定本方案。", None),
    ("一、主要任务", None),
    ("1.健全实习管理制度。各职业学校制定学生实习管理办法，明确实习岗位、实习时间、实习报酬和安全保障要求，实习方案报主管部门备案。（牵头单位：市教育局；配合单位：市人力资源社会保障局；完成时限：2025年9月底前）", None),
    ("2.严格实习单位遴选。学校会同行业主管部门对拟合作的实习单位开展实地考察，建立实习单位目录并实行动态调整，不符合条件的单位及时退出，确保实习岗位与学生所学专业对口，实习环境安全规范，实习指导教师配备到位，实习期间学生的学习和生活条件得到保障。（牵头单位：市教育局；配合单位：市工业和信息化局、市商务局；完成时限：2025年12月底前）", ("BoxMid", QINGHE_BOX)),
    ("3.落实实习责任保险。实习单位和学校按规定为实习学生投保实习责任保险，保费不得向学生转嫁。（牵头单位：市人力资源社会保障局；配合单位：市教育局、市金融工作局；完成时限：持续推进）", None),
    ("二、工作要求", None),
    ("各职业学校每学期末将学生实习情况报市教育局，市教育局会同有关部门适时开展专项检查。", None),
]

# A 专栏 box shaded grey, no rule round it, centred between two paragraphs with nothing beside it, its lines narrower
# than the text and in smaller type, the second item over three lines. A person reads it as a block after the
# paragraph above it, its items each a paragraph.
YUNLING_TITLE = "云岭县职业教育助力乡村振兴实施方案"
YUNLING_BOX = ["专栏：乡村振兴人才培养重点项目", "新型职业农民培育工程：依托县职业中专和乡镇农技站，每年培训种养大户、家庭农场主和农民合作社带头人500人次以上。", "农村电商人才培训：面向返乡青年和农村妇女开设电商直播、网店运营、冷链物流等短期培训班，培训合格的由县人力资源社会保障局按规定落实培训补贴，优先推荐到县内电商企业就业。", "乡村工匠培育：遴选传统手工艺传承人和农村建筑工匠开展技能提升培训。"]
YUNLING_BODY = [
    ("为发挥职业教育在乡村人才振兴中的作用，培养一批懂农业、爱农村、爱农民的技术技能人才，结合我县实际，制定本方案。", None),
    ("一、重点任务", None),
    ("1.开展新型职业农民培育。县职业中专开设农业类专业和涉农培训项目，实行弹性学制和送教下乡，年培训新型职业农民500人次以上。（牵头单位：县农业农村局；配合单位：县教育局；完成时限：每年12月底前）", None),
    # Anchored at task 2, so the box (wrap none, at its paragraph's top) stands above it, after task 1.
    ("2.培养农村电商人才。整合县内职业培训资源，建设县级农村电商实训基地，开展电商直播和网店运营培训。（牵头单位：县商务局；配合单位：县人力资源社会保障局、团县委；完成时限：2026年6月底前）", ("Shade", YUNLING_BOX)),
    ("3.培育乡村工匠。建立乡村工匠名录，支持乡村工匠到职业学校兼职任教，传承传统技艺。（牵头单位：县人力资源社会保障局；配合单位：县文化旅游局、县教育局；完成时限：持续推进）", None),
    ("二、保障措施", None),
    ("县财政统筹安排职业技能提升资金，各乡镇做好培训对象组织和动员工作。", None),
]

# A 链接 note at the right of the text running over a page break: two framed boxes, one at the foot of page 1 and one
# at the top of page 2, the note's text carried on from the first into the second mid-sentence (linked text boxes),
# the body beside both; task 6 runs from page 1 to page 2 beside them. A person reads task 6 whole, then the note whole.
NANPU_TITLE = "南浦县职业教育“双元”育人改革实施方案"
NANPU_NOTE = ["链接：“双元”育人", "“双元”育人是指学校和企业作为两个育人主体，共同招生招工、共同制定人才培养方案、共同组织教学和考核评价的人才培养模式。学生在校学习理论知识，在企业岗位上接受师傅指导，学习与工作交替进行，毕业时取得学历证书和职业技能等级证书，企业按约定优先录用合格的毕业生，实现招生即招工、入校即入企。"]
NANPU_BODY = [
    ("为深化产教融合、校企合作，推动职业学校和企业共同育人，提高技术技能人才培养的针对性，根据上级有关文件精神，结合我县实际，制定本方案。", None),
    ("一、总体目标", None),
    ("到2027年，全县职业学校与企业共建“双元”育人专业10个以上，参与“双元”育人的企业达到50家，学生在企业实践的时间累计不少于一学年，毕业生县内就业率明显提高，形成学校和企业共同育人、共同发展的良好局面。", None),
    ("二、重点任务", None),
    ("1.遴选“双元”育人合作企业。县教育局会同县工业和信息化局、县人力资源社会保障局制定合作企业遴选标准，从县内规模以上企业中遴选一批管理规范、技术先进、热心职业教育的企业作为“双元”育人合作企业，实行动态管理，每两年复核一次。（牵头单位：县教育局；配合单位：县工业和信息化局、县人力资源社会保障局；完成时限：2025年9月底前）", None),
    ("2.共同制定人才培养方案。职业学校与合作企业共同研究确定专业培养目标、课程体系和教学安排，将企业的新技术、新工艺、新规范纳入教学内容，按照企业岗位要求设计学生在企业的学习任务，企业技术人员参与课程开发和教材编写。（牵头单位：县教育局；配合单位：各职业学校；完成时限：2025年12月底前）", None),
    ("3.建设企业师傅队伍。合作企业选派技术骨干担任企业师傅，每名师傅指导学生不超过五人，企业师傅须经培训合格后上岗。县人力资源社会保障局将企业师傅的带徒情况作为职业技能等级认定和评先评优的重要参考，县财政对带徒成效明显的企业师傅给予适当补助，补助标准由县财政局会同县人力资源社会保障局另行制定。企业师傅与学校专业课教师结对开展教学研究，共同承担学生的实践教学和考核评价，每学期联合开展教学研讨不少于两次，研讨情况记入企业师傅和教师的业务档案。（牵头单位：县人力资源社会保障局；配合单位：县财政局、县教育局；完成时限：2026年6月底前）", None),
    ("4.完善学生权益保障。合作企业与学生、学校签订三方协议，明确学生在企业学习期间的岗位、报酬、保险和安全保障，不得安排学生从事与专业无关的工作。（牵头单位：县人力资源社会保障局；配合单位：县教育局、县总工会；完成时限：持续推进）", None),
    ("5.推进“双元”育人课程改革。按照工作过程系统化的思路重构专业课程，学校课程和企业课程的学时比例原则上各占一半，企业课程由企业师傅在生产岗位上组织实施，学校定期检查企业课程的实施情况。（牵头单位：县教育局；配合单位：各职业学校；完成时限：2026年9月底前）", None),
    ("6.开展育人质量评价。县教育局每年组织对“双元”育人专业开展质量评价，重点评价学生岗位能力、企业参与程度和毕业生就业质量，评价结果向社会公布，并与专业建设经费安排、招生计划分配和学校年度考核挂钩，对评价不合格的专业限期整改。（牵头单位：县教育局；配合单位：县财政局；完成时限：每年12月底前）", None),
    ("三、保障措施", None),
    ("县财政每年安排专项资金支持“双元”育人改革，各职业学校要把改革任务纳入学校年度工作计划，确保各项任务落到实处。", None),
]

def boxes_in_text(title, paragraphs, width):
    """Paragraphs with a framed or shaded box anchored at some of them: (text, (frame style, box lines) or None)."""
    out = [f'<text:p text:style-name="Title">{esc(title)}</text:p>']
    for i, (text, box) in enumerate(paragraphs):
        frame = ''
        if box:
            style, lines = box
            frame = (f'<draw:frame draw:style-name="{style}" draw:name="Box{i}" text:anchor-type="paragraph" svg:width="{width}" draw:z-index="0">'
                     '<draw:text-box>' + f'<text:p text:style-name="NoteHead">{esc(lines[0])}</text:p>'
                     + ''.join(f'<text:p text:style-name="Note">{esc(p)}</text:p>' for p in lines[1:]) + '</draw:text-box></draw:frame>')
        out.append(f'<text:p text:style-name="Body">{frame}{esc(text)}</text:p>')
    return '\n'.join(out)

def chained_note(title, paragraphs, note, split):
    """The body, with a note in two framed boxes fixed to the pages, at the foot of page 1's text and the top of page
    2's: the note's text is cut after `split` characters, at the end of a line of the first box, as linked text boxes
    (LibreOffice's and Word's) carry on a text that does not fit into the next box."""
    text = note[1]
    frames = (f'<draw:frame draw:style-name="SideChain" draw:name="Chain1" text:anchor-type="page" text:anchor-page-number="1" svg:y="21.0cm" svg:width="4.8cm" draw:z-index="0">'
              f'<draw:text-box fo:min-height="1cm"><text:p text:style-name="NoteHead">{esc(note[0])}</text:p><text:p text:style-name="Note">{esc(text[:split])}</text:p></draw:text-box></draw:frame>'
              f'<draw:frame draw:style-name="SideChain" draw:name="Chain2" text:anchor-type="page" text:anchor-page-number="2" svg:y="0cm" svg:width="4.8cm" draw:z-index="1">'
              f'<draw:text-box fo:min-height="1cm"><text:p text:style-name="Note">{esc(text[split:])}</text:p></draw:text-box></draw:frame>')
    out = [frames, f'<text:p text:style-name="Title">{esc(title)}</text:p>']
    out += [f'<text:p text:style-name="Body">{esc(text)}</text:p>' for text, _ in paragraphs]
    return '\n'.join(out)

def with_notes(title, paragraphs):
    """The text original: each paragraph, then the note or box beside it as paragraphs of their own."""
    out = [title]
    for text, note in paragraphs:
        out.append(text)
        if note:
            out += list(note[1] if isinstance(note, tuple) else note)
    return out

# Issue 12, second round: blocks the reader did not see.
# An unframed note in the middle of the text, the body running on both sides of it (环绕 on both sides, no rule, no
# shading): each body line beside it is cut in three, left piece, the note's line, right piece. A person reads the
# paragraph beside the note's top whole, then the note.
SONGQIAO_TITLE = "松桥市职业院校“岗课赛证”综合育人实施方案"
SONGQIAO_NOTE = ["名词解释", "岗课赛证：指将职业岗位要求、课程教学内容、职业技能竞赛和职业技能等级证书有机融合，推动课程改革和教学模式创新的综合育人方式。"]
SONGQIAO_BODY = [
    ("为深化职业教育教学改革，推动岗位、课程、竞赛、证书融通，提高技术技能人才培养质量，结合我市实际，制定本方案。", None),
    ("一、主要任务", None),
    ("1.修订专业人才培养方案。对接产业岗位能力要求，将职业技能等级标准和技能大赛技术规范融入专业人才培养方案。（牵头单位：市教育局；配合单位：市人力资源社会保障局；完成时限：2025年9月底前）", None),
    ("2.推进课程内容改革。各职业院校以典型工作任务为主线重构专业核心课程，及时将新技术、新工艺、新规范纳入教学内容，开发一批活页式、工作手册式教材，推动课程内容与职业标准对接、教学过程与生产过程对接，每个专业至少建成两门“岗课赛证”融通课程。（牵头单位：市教育局；配合单位：市工业和信息化局、各职业院校；完成时限：2026年6月底前）", SONGQIAO_NOTE),
    ("3.完善技能竞赛体系。建立校级、市级两级技能竞赛制度，竞赛项目覆盖全市职业院校主要专业。（牵头单位：市教育局；配合单位：市总工会；完成时限：每年11月底前）", None),
    ("二、工作要求", None),
    ("各职业院校每学年末将“岗课赛证”综合育人实施情况报市教育局。", None),
]

# Unframed notes beside three body lines or fewer: a short 注 at the right of task 1 (three lines) and a short 提示 at
# the left of task 3 (two lines), no rule, no shading, in smaller type, each no taller than the task beside it.
SHIQIAO_TITLE = "石桥县职业技能提升补贴发放工作方案"
SHIQIAO_NOTE = ["注", "补贴标准按省级文件执行。"]
SHIQIAO_LEFT_NOTE = ["提示", "线上申领不收取费用。"]
SHIQIAO_BODY = [
    ("为做好职业技能提升补贴发放工作，确保补贴资金及时足额发放到位，结合我县实际，制定本方案。", None),
    ("一、工作任务", None),
    ("1.公布补贴目录。县人力资源社会保障局每年公布职业技能提升补贴的职业工种目录和补贴标准。（牵头单位：县人力资源社会保障局；配合单位：县财政局；完成时限：每年3月底前）", SHIQIAO_NOTE),
    ("2.简化申领流程。推行补贴线上申领，实现申请、审核、发放全程网上办理，办理时限压缩至十五个工作日。（牵头单位：县人力资源社会保障局；配合单位：县数据局；完成时限：2025年12月底前）", None),
    ("3.加强资金监管。定期开展补贴资金专项检查，严防虚报冒领。（牵头单位：县财政局；配合单位：县审计局；完成时限：持续推进）", SHIQIAO_LEFT_NOTE),
    ("4.做好政策宣传。通过政务网站、新闻媒体和基层服务平台宣传补贴政策，提高政策知晓率。（牵头单位：县人力资源社会保障局；配合单位：县融媒体中心；完成时限：持续推进）", None),
    ("二、工作要求", None),
    ("各乡镇和县直有关部门要加强协作，每半年将补贴发放情况报县人力资源社会保障局。", None),
]

def bare_notes(title, paragraphs, styles):
    """Paragraphs with unframed notes anchored at some of them, the notes' frame styles in order."""
    out = [f'<text:p text:style-name="Title">{esc(title)}</text:p>']
    styles = list(styles)
    for i, (text, note) in enumerate(paragraphs):
        frame = ''
        if note:
            frame = (f'<draw:frame draw:style-name="{styles.pop(0)}" draw:name="Note{i}" text:anchor-type="paragraph" svg:width="{"4.4cm" if len(note[1]) > 30 else "3.2cm"}" draw:z-index="0">'
                     '<draw:text-box>' + f'<text:p text:style-name="NoteHead">{esc(note[0])}</text:p>'
                     + ''.join(f'<text:p text:style-name="Note">{esc(p)}</text:p>' for p in note[1:]) + '</draw:text-box></draw:frame>')
        out.append(f'<text:p text:style-name="Body">{frame}{esc(text)}</text:p>')
    return '\n'.join(out)

# 专栏 boxes that are shapes, not frames: a box with rounded corners at the left of task 1 (its outline curves at the
# corners), a box with bevelled corners (an octagon) at the right of task 3, and a grey box with rounded corners across
# the text under task 3 (filled, no outline).
QINGSHUI_TITLE = "清水县职业学校专业结构优化调整实施方案"
QINGSHUI_ROUND = ["专栏1：重点专业", "智能制造：机电一体化、工业机器人。", "现代农业：设施农业、农产品加工。", "康养服务：护理、老年保健。"]
QINGSHUI_SHADE = ["专栏2：调整原则", "对接县域主导产业设置专业，连续三年招生不足三十人的专业暂停招生，就业率低于八成的专业限期整改。"]
QINGSHUI_BEVEL = ["专栏3：撤并专业", "计算机应用、文秘、会计三个专业停止招生。"]
QINGSHUI_BODY = [
    ("为推动职业学校专业设置与县域产业发展相适应，提高专业建设质量，结合我县实际，制定本方案。", None),
    ("一、重点任务", None),
    ("1.建设重点专业群。围绕县域主导产业，集中力量建设智能制造、现代农业、康养服务三个重点专业群，每个专业群建成一个校内实训中心和两个以上校外实习基地，专业群教师中“双师型”教师比例达到六成以上。（牵头单位：县教育局；配合单位：县发展和改革局、县财政局；完成时限：2026年底前）", ("Round", QINGSHUI_ROUND, "6.2cm", "4.6cm")),
    ("2.建立专业动态调整机制。县教育局每年发布专业设置预警，对就业质量不高的专业实行预警和退出。（牵头单位：县教育局；配合单位：县人力资源社会保障局；完成时限：每年6月底前）", None),
    ("3.优化专业布局。撤并同质化专业，新增养老服务、电子商务等产业急需专业，引导学校错位发展、特色发展，形成布局合理、特色鲜明的专业体系，新增专业须经县教育局组织专家论证后报市教育局备案。（牵头单位：县教育局；配合单位：县民政局、县商务局；完成时限：2025年9月底前）", ("Bevel", QINGSHUI_BEVEL, "5.8cm", "3.2cm")),
    ("二、保障措施", None),
    ("县财政对重点专业群建设给予资金支持，各职业学校要制定专业调整具体方案并认真组织实施。", None),
]
# The grey box is anchored at 二、保障措施 and stands above it (wrap none), after task 3.
QINGSHUI_SHADE_AT = 5

def shaped_boxes(title, paragraphs, shade, shade_at):
    """Paragraphs with boxes drawn as shapes anchored at some of them (LibreOffice custom shapes, text wrapped inside):
    rounded (round-rectangle), bevelled (octagon), and a grey rounded box across the text anchored at paragraph shade_at."""
    out = [f'<text:p text:style-name="Title">{esc(title)}</text:p>']
    def paras(lines):
        return f'<text:p text:style-name="NoteHead">{esc(lines[0])}</text:p>' + ''.join(f'<text:p text:style-name="Note">{esc(p)}</text:p>' for p in lines[1:])
    for i, (text, box) in enumerate(paragraphs):
        shapes = ''
        if box:
            style, lines, width, height = box
            if style == "Round":
                shapes += (f'<draw:custom-shape draw:style-name="Round" draw:name="Box{i}" text:anchor-type="paragraph" svg:width="{width}" svg:height="{height}" draw:z-index="0">'
                           + paras(lines) + '<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="round-rectangle"/></draw:custom-shape>')
            else:
                shapes += (f'<draw:custom-shape draw:style-name="Bevel" draw:name="Box{i}" text:anchor-type="paragraph" svg:width="{width}" svg:height="{height}" draw:z-index="0">'
                           + paras(lines) + '<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="octagon"/></draw:custom-shape>')
        if i == shade_at:
            shapes += (f'<draw:custom-shape draw:style-name="RoundShade" draw:name="Shade{i}" text:anchor-type="paragraph" svg:width="13cm" svg:height="2.4cm" draw:z-index="0">'
                       + paras(shade) + '<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="round-rectangle"/></draw:custom-shape>')
        out.append(f'<text:p text:style-name="Body">{shapes}{esc(text)}</text:p>')
    return '\n'.join(out)

# A page in two columns with a framed 专栏 box across the gutter, each column wrapping close round it: the lines
# beside the box are pieces of two columns, not one line cut by the box. A person reads the left column, the box after
# the paragraph beside its top, then the right column.
BAIHE_TITLE = "白河市职业教育服务产业发展行动方案"
BAIHE_BOX = ["专栏：产业对接清单", "装备制造：数控技术、工业机器人；", "电子信息：物联网应用；", "现代服务：现代物流、电子商务、跨境电商运营。"]
BAIHE_BODY = [
    "为推动职业教育与全市产业发展深度融合，增强职业教育服务产业发展能力，结合我市实际，制定本方案。",
    "一、主要任务",
    "1.优化专业设置。对接全市重点产业链调整专业布局，新增产业急需专业10个以上，撤并就业质量不高的专业，专业与产业匹配度达到九成以上。（牵头单位：市教育局；配合单位：市发展改革委；完成时限：2025年底前）",
    "2.建设产业学院。支持职业院校与链主企业共建产业学院，实行理事会管理，共同制定人才培养方案、共同开发课程、共同组建教学团队，三年内建成产业学院8个以上。（牵头单位：市教育局；配合单位：市国资委、市工业和信息化局；完成时限：2026年底前）",
    "3.开展订单培养。推动企业与职业院校签订人才培养协议，按照岗位需求开设订单班，订单班毕业生留企率达到七成以上。（牵头单位：市人力资源社会保障局；配合单位：市教育局；完成时限：每年9月底前）",
    "4.共建技术服务平台。依托职业院校建设技术技能创新服务平台，面向中小企业开展技术攻关、工艺改进和产品研发服务，每年服务企业不少于100家次。（牵头单位：市科技局；配合单位：市教育局、市工业和信息化局；完成时限：2026年6月底前）",
    "5.开展职工技能培训。职业院校面向产业工人开展岗位技能提升培训，每年培训职工1万人次以上，培训合格的按规定落实补贴。（牵头单位：市人力资源社会保障局；配合单位：市总工会、市财政局；完成时限：持续推进）",
    "6.推进实训资源共享。统筹建设市级公共实训基地，向企业和社会开放实训资源，年开放时长不少于1000小时。（牵头单位：市发展改革委；配合单位：市教育局、市财政局；完成时限：2026年底前）",
    "二、保障措施",
    "市财政统筹安排资金支持职业教育服务产业发展，各有关部门要加强协作，每半年将工作进展情况报送市教育局。",
]

def box_over_gutter(title, paragraphs, box, box_at):
    """A title, then a section in two columns; a framed box fixed on the page across the gutter, anchored at paragraph box_at."""
    frame = ('<draw:frame draw:style-name="GutterBox" draw:name="Gutter" text:anchor-type="paragraph" svg:y="6.6cm" svg:width="7.2cm" draw:z-index="0">'
             '<draw:text-box>' + f'<text:p text:style-name="NoteHead">{esc(box[0])}</text:p>'
             + ''.join(f'<text:p text:style-name="Note">{esc(p)}</text:p>' for p in box[1:]) + '</draw:text-box></draw:frame>')
    body = f'<text:p text:style-name="Title">{esc(title)}</text:p>\n<text:section text:style-name="Sect" text:name="S1">\n'
    body += '\n'.join(f'<text:p text:style-name="Body">{frame if i == box_at else ""}{esc(p)}</text:p>' for i, p in enumerate(paragraphs))
    return body + '\n</text:section>'

# A 链接 note in linked boxes over a page break where the paragraph beside it ends on page 1: page 2 starts with a
# heading and a new task, the note's rest in a box at its top beside them. A person reads the note whole, after the
# paragraph beside its start, not in two pieces a page apart.
DONGLIN_TITLE = "东林县职业教育集团化办学实施方案"
DONGLIN_NOTE = ["链接：职业教育集团", "职业教育集团是由职业学校、行业企业、科研机构和社会组织等围绕产业发展共同组建的办学联合体，实行理事会领导下的协作运行机制。集团成员在专业建设、实习实训、师资培养和就业服务等方面资源共享、优势互补，推动人才培养与产业需求紧密对接。"]
DONGLIN_BODY = [
    "为推进职业教育集团化办学，整合县域职业教育资源，提高职业教育服务经济社会发展的能力，根据上级有关文件精神，结合我县实际，制定本方案。",
    "一、总体目标",
    "到2027年，组建以县职业中专为龙头、县内骨干企业和乡镇成人文化技术学校共同参与的县域职业教育集团，集团成员单位达到40家以上，形成资源共享、优势互补、合作共赢的集团化办学格局，集团内学生实习和就业的岗位保障更加有力。",
    "二、重点任务",
    "1.组建职业教育集团。由县职业中专牵头，吸纳县内规模以上企业、行业协会和乡镇成人文化技术学校加入，制定集团章程，成立集团理事会，建立理事会议事规则和成员单位准入退出办法，明确成员单位的权利和义务。（牵头单位：县教育局；配合单位：县工业和信息化局、县民政局；完成时限：2025年9月底前）",
    "2.建立资源共享机制。集团成员单位共享实训设备、师资和课程资源，企业向学校开放生产车间作为实习场所，学校向企业开放实训基地用于职工培训，共享情况纳入成员单位年度考核。集团每年召开一次资源共享推进会，通报各成员单位实训设备、课程和师资的开放情况，协调解决共享中遇到的困难和问题。（牵头单位：县教育局；配合单位：县财政局；完成时限：2025年12月底前）",
    "3.开展联合招生培养。集团内学校和企业联合制定招生计划，推行招生即招工，学生入学即与企业签订培养协议，学习期间由学校教师和企业师傅共同指导，毕业后优先到协议企业就业。（牵头单位：县教育局；配合单位：县人力资源社会保障局；完成时限：2026年6月底前）",
    "4.共建共享实训基地。以集团为平台，统筹财政资金和企业投入，建设面向集团成员开放的公共实训基地，基地设备由企业按生产标准配置。（牵头单位：县发展和改革局；配合单位：县财政局、县教育局；完成时限：2026年底前）",
    "三、保障措施",
    "5.加大经费支持。县财政每年安排集团化办学专项经费，支持集团实训基地建设和师资培训，经费使用情况每年向县人民政府报告。（牵头单位：县财政局；配合单位：县教育局；完成时限：每年12月底前）",
    "6.强化督导考核。县教育局会同有关部门每年对集团化办学情况开展督导，督导结果作为集团成员单位评优评先的重要依据。（牵头单位：县教育局；配合单位：县人民政府教育督导室；完成时限：每年12月底前）",
]

def chained_note_after_break(title, paragraphs, note, split, break_at):
    """As chained_note, but page 2 starts at paragraph break_at (a page break before it): the paragraph beside the
    note's first box ends on page 1, and the box at page 2's top stands beside a heading and the next task."""
    text = note[1]
    frames = (f'<draw:frame draw:style-name="SideChain" draw:name="Chain1" text:anchor-type="page" text:anchor-page-number="1" svg:y="15cm" svg:width="4.8cm" draw:z-index="0">'
              f'<draw:text-box fo:min-height="1cm"><text:p text:style-name="NoteHead">{esc(note[0])}</text:p><text:p text:style-name="Note">{esc(text[:split])}</text:p></draw:text-box></draw:frame>'
              f'<draw:frame draw:style-name="SideChain" draw:name="Chain2" text:anchor-type="page" text:anchor-page-number="2" svg:y="0cm" svg:width="4.8cm" draw:z-index="1">'
              f'<draw:text-box fo:min-height="1cm"><text:p text:style-name="Note">{esc(text[split:])}</text:p></draw:text-box></draw:frame>')
    out = [frames, f'<text:p text:style-name="Title">{esc(title)}</text:p>']
    out += [f'<text:p text:style-name="{"BreakBody" if i == break_at else "Body"}">{esc(p)}</text:p>' for i, p in enumerate(paragraphs)]
    return '\n'.join(out)

# A table typed with spaces into a letter (as a text copied out of a mail or a PDF): the columns aligned by runs of
# typed spaces, which LibreOffice keeps (text:s) and prints in a proportional font, so that the columns no longer line
# up on paper. The reader must keep the runs of spaces (a space glyph is a typed space) and leave the lines as text
# for the space-separated table reader, not cut them at positions.
XILING_TITLE = "西岭市教育局关于报送职业教育提质培优重点任务分工的函"
XILING_LINES = [
    "市人民政府办公室：",
    "根据《西岭市职业教育提质培优行动计划》，现将我局牵头的重点任务分工报送如下。",
    "西岭市职业教育提质培优重点任务分工表",
    "序号  重点任务                    牵头单位    配合单位              完成时限",
    "一、专业建设",
    "1     建设市级骨干专业5个         市教育局    市财政局              2025年9月底前",
    "2     开展专业设置预警            市教育局    市人社局 市发改委     每年",
    "二、师资队伍",
    "3     培养“双师型”教师200名      市教育局    市人社局、市财政局    2026年6月底前",
    "4     建设技能大师工作室          市人社局    市总工会              2025年12月底前",
    "西岭市教育局",
    "2025年4月2日",
]

def spaced(text):
    """Runs of spaces kept as ODF writes them (text:s), not collapsed."""
    import re
    return re.sub(r' {2,}', lambda m: ' <text:s text:c="%d"/>' % (len(m.group(0)) - 1), esc(text))

def space_aligned(title, lines):
    out = [f'<text:p text:style-name="Title">{esc(title)}</text:p>']
    out += [f'<text:p text:style-name="Note">{spaced(p)}</text:p>' for p in lines]
    return '\n'.join(out)

def cell_text(cell):
    return cell[0] if isinstance(cell, tuple) else cell

def grid_table(header, rows, widths, valign, repeat):
    n = len(widths)
    out = ['<table:table table:name="T1" table:style-name="Tbl">']
    out += [f'<table:table-column table:style-name="Col{i}"/>' for i in range(n)]
    def para(text, style):
        parts = [esc(p) for p in text.split("\n")]
        return f'<text:p text:style-name="{style}">' + '<text:line-break/>'.join(parts) + '</text:p>'
    def row(cells, style):
        if len(cells) == 1:
            return (f'<table:table-row><table:table-cell table:style-name="Cell" table:number-columns-spanned="{n}">'
                    + para(cells[0], "Cellp") + '</table:table-cell>' + '<table:covered-table-cell/>' * (n - 1) + '</table:table-row>')
        xml = []
        for c in cells:
            if c is None:
                xml.append('<table:covered-table-cell/>')
            elif isinstance(c, tuple):
                text, down, across = c
                xml.append(f'<table:table-cell table:style-name="Cell" table:number-rows-spanned="{down}" '
                           f'table:number-columns-spanned="{across}">' + para(text, style) + '</table:table-cell>')
            else:
                xml.append('<table:table-cell table:style-name="Cell">' + para(c, style) + '</table:table-cell>')
        return '<table:table-row>' + ''.join(xml) + '</table:table-row>'
    head = ''.join(row(r, "Headp") for r in header)
    out.append(f'<table:table-header-rows>{head}</table:table-header-rows>' if repeat else head)
    out += [row(r, "Cellp") for r in rows]
    out.append('</table:table>')
    return '\n'.join(out)

def text_original(notice, header, rows):
    """The document as text: the table's header as one row, every merged cell's text in each row it covers."""
    names = [""] * len(header[0])
    for r in header:
        for i, c in enumerate(r):
            if c is not None:
                across = c[2] if isinstance(c, tuple) else 1
                if across == 1:
                    names[i] = cell_text(c).replace("\n", "")
    lines = list(notice) + ["\t".join(names)]
    above = {}
    for r in rows:
        if len(r) == 1:
            lines.append(r[0] + "\t" * (len(names) - 1))
            continue
        cells = []
        for i, c in enumerate(r):
            if c is None:
                cells.append(above[i])
            else:
                above[i] = cell_text(c)
                cells.append(above[i])
        lines.append("\t".join(cells))
    return "\n\n".join(lines[:len(notice)]) + "\n\n" + "\n".join(lines[len(notice):]) + "\n"

# Plain official-document PDFs (GB/T 9704-2012 page): every text sample that has no PDF above is printed on A4 with
# margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right, body in 3号 (16 pt) at a fixed 28.95 pt line pitch with a
# two-character first-line indent and no punctuation hanging in the margin (LibreOffice leaves a comma that hangs at
# the end of a justified line out of the PDF, which no office PDF does), the first line (the title or masthead) centred in 2号 (22 pt), no running header,
# and the page number "— N —" in 4号 (14 pt) at the right on odd pages and at the left on even ones. Each line of the
# text is a paragraph (empty lines are left out: the page sets paragraphs without them); tab-separated lines and '|'
# rows as Markdown writes them become a bordered table whose header repeats on each page, a row whose first cell
# alone is filled a group row across the table. The format-parity tests (tests/Duban.Parsing.Tests/Parity) compare
# each PDF with its text.

def text_rows(lines):
    """Markdown '|' rows as tab-separated lines (the rule line |:---:| left out); other lines as they are."""
    out = []
    for line in lines:
        t = line.strip()
        if len(t) > 2 and t[0] == "|" and t[-1] == "|" and t.count("|") >= 3:
            cells = [c.strip() for c in t[1:-1].split("|")]
            if all(c.strip(":") and set(c.strip(":")) == {"-"} for c in cells):
                continue
            out.append("\t".join(cells))
        else:
            out.append(line)
    return out

def gbt_table(rows):
    n = max(len(r) for r in rows)
    # A row short of leading cells that starts with its number, under a header whose number column is not the first
    # (领域 | 序号 | …, merged-leading-column.txt), lies under cells merged down from the row above: print them merged.
    number_at = next((k for k, c in enumerate(rows[0]) if c.strip() in ("序号", "编号")), None)
    first_row = 1
    if number_at is None:
        # A table printed without its header row (headerless-tab-excerpt.txt): the number stands where the first
        # row, a full one, holds it.
        number_at, first_row = next((k for k, c in enumerate(rows[0]) if c.strip().isdigit()), 0), 0
    rows = [[None] * (n - len(r)) + r if 0 < n - len(r) <= number_at and i > first_row and r[0].strip().isdigit() else r
            for i, r in enumerate(rows)]
    rows = [r + [""] * (n - len(r)) for r in rows]
    return table(rows, None, header=first_row == 1).replace('table:name="T1"', 'table:name="T%d"' % id(rows))

def gbt_body(lines):
    out, rows, first, title_goes_on = [], [], True, False
    def flush():
        if rows:
            out.append(gbt_table(rows))
            rows.clear()
    lines = text_rows(lines)
    for i, line in enumerate(lines):
        if "\t" in line:
            cells = line.split("\t")
            if rows and [c.strip() for c in cells] == [c.strip() for c in rows[0]]:
                continue  # the text repeats the header at a page break; the PDF repeats it by itself
            rows.append(cells)
            continue
        if not line.strip():
            title_goes_on = False
            continue  # an empty line: inside a table a page break of the text, elsewhere nothing
        flush()
        # The title, and its second line where the text wrapped it (a first line of 20 cells or more, the next not
        # indented): both centred in 2号, the title over two lines as GB/T 9704 sets a long one.
        style = "Title" if first or (title_goes_on and not line[:1].isspace()) else "Body"
        title_goes_on = first and len(line.strip()) >= 20
        first = False
        out.append(f'<text:p text:style-name="{style}">{esc(line.strip())}</text:p>')
    flush()
    # A title over two lines is spaced as one paragraph: only its last line has the space below it.
    for i in range(len(out) - 1):
        if 'style-name="Title"' in out[i] and 'style-name="Title"' in out[i + 1]:
            out[i] = out[i].replace('style-name="Title"', 'style-name="TitleLine"')
    return '\n'.join(out)

def gbt_document(lines):
    font = 'style:font-name="Noto Serif CJK SC" fo:font-family="\'Noto Serif CJK SC\'" style:font-name-asian="Noto Serif CJK SC" style:font-family-asian="\'Noto Serif CJK SC\'"'
    num = '<text:page-number text:select-page="current">1</text:page-number>'
    tab_rows = [l.split("\t") for l in text_rows(lines) if "\t" in l]
    n = max([len(r) for r in tab_rows] or [5])
    widths = ["1.2cm"] + ["%.2fcm" % ((15.6 - 1.2) * 0.42)] + ["%.2fcm" % ((15.6 - 1.2) * 0.58 / max(n - 2, 1))] * (n - 2)
    full = [r for r in tab_rows if len(r) == n]
    if full and not any(c.strip() in ("序号", "编号") for c in tab_rows[0]):
        # A table without a header row: the number column narrow, the column of the longest text 42%, as above.
        number_at = next((k for k, c in enumerate(full[0]) if c.strip().isdigit()), 0)
        longest = max(range(n), key=lambda k: sum(len(r[k]) for r in full))
        rest = "%.2fcm" % ((15.6 - 1.2) * 0.58 / max(n - 2, 1))
        widths = ["1.2cm" if k == number_at else "%.2fcm" % ((15.6 - 1.2) * 0.42) if k == longest else rest for k in range(n)]
    cols = ''.join(f'<style:style style:name="Col{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}"/></style:style>'
                   for i, w in enumerate(widths))
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties style:punctuation-wrap="simple" fo:text-indent="32pt" fo:line-height="28.95pt" fo:text-align="justify" fo:margin-top="0pt" fo:margin-bottom="0pt"/><style:text-properties {font} fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="35pt" fo:margin-bottom="28.95pt"/><style:text-properties {font} fo:font-size="22pt" style:font-size-asian="22pt"/></style:style>
<style:style style:name="TitleLine" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="35pt" fo:margin-bottom="0pt"/><style:text-properties {font} fo:font-size="22pt" style:font-size-asian="22pt"/></style:style>
<style:style style:name="Cellp" style:family="paragraph"><style:text-properties {font} fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
<style:style style:name="PageR" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="14pt"/><style:text-properties {font} fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
<style:style style:name="PageL" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:margin-left="14pt"/><style:text-properties {font} fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.7cm" fo:margin-bottom="2.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="15.6cm" table:align="left"/></style:style>
{cols}
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" style:vertical-align="top"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
<style:footer><text:p text:style-name="PageR">— {num} —</text:p></style:footer>
<style:footer-left><text:p text:style-name="PageL">— {num} —</text:p></style:footer-left>
</style:master-page></office:master-styles>
<office:body><office:text>
{gbt_body(lines)}
</office:text></office:body></office:document>
'''

def print_gbt(src_path, out_dir, stem, tmp):
    with open(src_path, encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    path = os.path.join(tmp, stem + ".fodt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(gbt_document(lines))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out_dir, path], check=True,
                   stdout=subprocess.DEVNULL)
    print(stem + ".pdf", os.path.getsize(os.path.join(out_dir, stem + ".pdf")), "bytes")

def gbt_jobs():
    """The text samples without a PDF of their own name among JOBS."""
    made = {pdf for _, pdf, *_ in JOBS}
    return [name for name in sorted(os.listdir(SAMPLES))
            if name.endswith(".txt") and os.path.splitext(name)[0] + ".pdf" not in made]

def main():
    if sys.argv[1:2] == ["--seeds"]:
        # The seeds are not in the repository: print them into a folder of one's own, for DUBAN_SEED_PDFS.
        out = os.path.abspath(sys.argv[2])
        seeds = os.path.join(os.path.dirname(SAMPLES), "..", "shared", "seeds")
        os.makedirs(out, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            for name in sorted(os.listdir(seeds)):
                if name.endswith(".txt"):
                    print_gbt(os.path.join(seeds, name), out, name[:3], tmp)
        return
    only = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        for name in gbt_jobs():
            stem = os.path.splitext(name)[0]
            if not only or stem + ".pdf" in only:
                print_gbt(os.path.join(SAMPLES, name), HERE, stem, tmp)
    if only and all(os.path.splitext(o)[0] + ".txt" in gbt_jobs() for o in only):
        return
    older_main()

def older_main():
    # names of the PDFs to make again; none: all of them
    only = [o for o in sys.argv[1:] if os.path.splitext(o)[0] + ".txt" not in gbt_jobs()]
    with tempfile.TemporaryDirectory() as tmp:
        for pdf, original, notice, header, rows, widths, cell_size, border, valign, repeat, size, *more in TABLE_JOBS:
            if only and pdf not in only:
                continue
            running = more[0] if more else "南屏市人民政府办公室" if notice is NANPING_NOTICE else "青川县人民政府办公室"
            named = more[1] if len(more) > 1 else header
            stem = os.path.splitext(pdf)[0]
            path = os.path.join(tmp, stem + ".fodt")
            body_xml = '\n'.join(f'<text:p text:style-name="Body">{esc(p)}</text:p>' for p in notice) + '\n' + \
                grid_table(header, rows, widths, valign, repeat)
            with open(path, "w", encoding="utf-8") as f:
                f.write(document(body_xml, running, footer("dash"), size, cell_size, border, widths, valign))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", HERE, path], check=True,
                           stdout=subprocess.DEVNULL)
            with open(os.path.join(HERE, original), "w", encoding="utf-8") as f:
                f.write(text_original(notice, named, rows))
            print(pdf, os.path.getsize(os.path.join(HERE, pdf)), "bytes")

        if not only or "two-columns.pdf" in only:
            path = os.path.join(tmp, "two-columns.fodt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(document(two_columns(BEILING_TITLE, BEILING_BODY), "", footer("dash"), 12,
                                 "10.5pt", "none", ["1cm"], "top"))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", HERE, path], check=True,
                           stdout=subprocess.DEVNULL)
            with open(os.path.join(HERE, "two-columns.txt"), "w", encoding="utf-8") as f:
                f.write("\n\n".join([BEILING_TITLE] + BEILING_BODY) + "\n")
            print("two-columns.pdf", os.path.getsize(os.path.join(HERE, "two-columns.pdf")), "bytes")

        if not only or "three-columns.pdf" in only:
            path = os.path.join(tmp, "three-columns.fodt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(document(three_columns(CHENGXI_TITLE, CHENGXI_HEAD, CHENGXI_BODY), "", footer("dash"), 10.5,
                                 "10.5pt", "none", ["1cm"], "top"))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", HERE, path], check=True,
                           stdout=subprocess.DEVNULL)
            with open(os.path.join(HERE, "three-columns.txt"), "w", encoding="utf-8") as f:
                f.write("\n\n".join([CHENGXI_TITLE, CHENGXI_HEAD] + [p for _, p in CHENGXI_BODY]) + "\n")
            print("three-columns.pdf", os.path.getsize(os.path.join(HERE, "three-columns.pdf")), "bytes")

        # Pages of four columns, a sidebar and text boxes (issue 12): (pdf, fodt body, body size, text original lines)
        for pdf, body_xml, size, original in [
            ("four-columns.pdf", four_columns(LINJIANG_TITLE, LINJIANG_BODY), 9, [LINJIANG_TITLE] + [p for _, p in LINJIANG_BODY]),
            ("sidebar.pdf", sidebar(HEXI_TITLE, HEXI_BODY), 12, with_notes(HEXI_TITLE, HEXI_BODY)),
            ("sidebar-unframed.pdf", bare_sidebar(LIUXI_TITLE, LIUXI_BODY), 12, with_notes(LIUXI_TITLE, LIUXI_BODY)),
            # The first box stands beside task 1 and the first line of task 2: it is read after task 1, the paragraph
            # beside its top; the second box, across the text under task 2, after task 2.
            ("text-boxes.pdf", text_boxes(SHANNAN_TITLE, SHANNAN_BODY), 12,
             [SHANNAN_TITLE] + [p for p, _ in SHANNAN_BODY[:3]] + SHANNAN_BOX_SIDE + [SHANNAN_BODY[3][0]] + SHANNAN_BOX_WIDE
             + [p for p, _ in SHANNAN_BODY[4:]]),
            # Issue 12's blocks the reader did not see: a box with the body on both sides, a shaded box with nothing
            # beside it, a note running over a page break (the note after task 3, which runs beside it onto page 2).
            ("box-both-sides.pdf", boxes_in_text(QINGHE_TITLE, QINGHE_BODY, "4.6cm"), 12, with_notes(QINGHE_TITLE, QINGHE_BODY)),
            ("shaded-box.pdf", boxes_in_text(YUNLING_TITLE, YUNLING_BODY, "13cm"), 12,
             [YUNLING_TITLE] + [p for p, _ in YUNLING_BODY[:3]] + YUNLING_BOX + [p for p, _ in YUNLING_BODY[3:]]),
            ("note-over-page-break.pdf", chained_note(NANPU_TITLE, NANPU_BODY, NANPU_NOTE, NANPU_NOTE[1].index("生在校学习")), 12,
             [NANPU_TITLE] + [p for p, _ in NANPU_BODY[:10]] + NANPU_NOTE + [p for p, _ in NANPU_BODY[10:]]),
            # Issue 12, second round: an unframed note with the body on both sides, unframed notes beside three body
            # lines or fewer, boxes drawn as shapes (rounded, bevelled, a grey rounded one), a box across the gutter of
            # a page in two columns, a note over a page break whose paragraph ends on page 1.
            ("sidebar-inset.pdf", bare_notes(SONGQIAO_TITLE, SONGQIAO_BODY, ["SideBareMid"]), 12, with_notes(SONGQIAO_TITLE, SONGQIAO_BODY)),
            ("sidebar-short.pdf", bare_notes(SHIQIAO_TITLE, SHIQIAO_BODY, ["SideBare", "SideBareLeft"]), 12, with_notes(SHIQIAO_TITLE, SHIQIAO_BODY)),
            ("shaped-boxes.pdf", shaped_boxes(QINGSHUI_TITLE, QINGSHUI_BODY, QINGSHUI_SHADE, QINGSHUI_SHADE_AT), 12,
             [QINGSHUI_TITLE] + [p for p, _ in QINGSHUI_BODY[:3]] + QINGSHUI_ROUND + [p for p, _ in QINGSHUI_BODY[3:5]] + QINGSHUI_BEVEL
             + QINGSHUI_SHADE + [p for p, _ in QINGSHUI_BODY[5:]]),
            ("box-over-gutter.pdf", box_over_gutter(BAIHE_TITLE, BAIHE_BODY, BAIHE_BOX, 3), 10.5,
             [BAIHE_TITLE] + BAIHE_BODY[:4] + BAIHE_BOX + BAIHE_BODY[4:]),
            ("note-after-page-break.pdf", chained_note_after_break(DONGLIN_TITLE, DONGLIN_BODY, DONGLIN_NOTE, DONGLIN_NOTE[1].index("制。集团成员在"), 8), 12,
             [DONGLIN_TITLE] + DONGLIN_BODY[:8] + DONGLIN_NOTE + DONGLIN_BODY[8:]),
            # Issue 12, third round: a table aligned with typed spaces in a letter.
            ("space-aligned-table.pdf", space_aligned(XILING_TITLE, XILING_LINES), 12, [XILING_TITLE] + XILING_LINES),
        ]:
            if only and pdf not in only:
                continue
            stem = os.path.splitext(pdf)[0]
            path = os.path.join(tmp, stem + ".fodt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(document(body_xml, "", footer("dash"), size, "10.5pt", "none", ["1cm"], "top"))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", HERE, path], check=True,
                           stdout=subprocess.DEVNULL)
            with open(os.path.join(HERE, stem + ".txt"), "w", encoding="utf-8") as f:
                f.write("\n\n".join(original) + "\n")
            print(pdf, os.path.getsize(os.path.join(HERE, pdf)), "bytes")

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
