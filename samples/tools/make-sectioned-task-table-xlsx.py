#!/usr/bin/env python3
"""Writes samples/sectioned-task-table.xlsx: an invented 分工表 workbook laid out as district offices keep them (run
from the repository root).

Sheet 分工表: a title row merged across, a 填报单位 / 填报时间 line with two cells, a header over two rows (责任单位 above
牵头单位 | 配合单位), section rows whose number 一 / 二 stands in 序号 and whose name is merged across the other columns,
a 牵头单位 merged down over two tasks, a deadline stored as an Excel date shown as 年月, a cell with line breaks, a
hidden column of contact people, and a notes row merged across at the bottom. Sheet 填表说明: instructions, one line a row.
"""
import zipfile
from xml.sax.saxutils import escape

strings = []
def s(text):
    if text not in strings:
        strings.append(text)
    return strings.index(text)

def col(n):
    name = ""
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name

def sheet_xml(rows, merges, cols=""):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">', cols, '<sheetData>']
    for r, cells in rows:
        out.append(f'<row r="{r}">')
        for c, value in cells:
            ref = f"{col(c)}{r}"
            if isinstance(value, tuple):  # (serial, style) : a date
                out.append(f'<c r="{ref}" s="{value[1]}"><v>{value[0]}</v></c>')
            elif isinstance(value, int):
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="s"><v>{s(value)}</v></c>')
        out.append('</row>')
    out.append('</sheetData>')
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + '</mergeCells>')
    out.append('</worksheet>')
    return "".join(out)

sheet1 = sheet_xml([
    (1, [(1, "东川区职业教育产教融合重点任务分工表")]),
    (2, [(1, "填报单位：东川区教育局"), (6, "填报时间：2024年4月")]),
    (3, [(1, "序号"), (2, "重点任务"), (3, "具体措施"), (4, "责任单位"), (6, "完成时限"), (7, "备注"), (8, "联系人")]),
    (4, [(4, "牵头单位"), (5, "配合单位")]),
    (5, [(1, "一"), (2, "搭建产教融合平台")]),
    (6, [(1, 1), (2, "组建区域产教联合体"), (3, "依托区职教中心联合园区企业组建产教联合体，成员企业不少于15家。"), (4, "区教育局"), (5, "区发展和改革局、区工业和信息化局"), (6, (45627, 1)), (8, "张某")]),
    (7, [(1, 2), (2, "建设共享实训基地"), (3, "建设智能制造共享实训基地1个，面向中职学校和企业职工开放。"), (5, "区财政局"), (6, "2025年6月底前"), (7, "跨年度任务"), (8, "李某")]),
    (8, [(1, "二"), (2, "深化校企合作")]),
    (9, [(1, 3), (2, "推行现代学徒制"), (3, "在3个专业开展现代学徒制试点，校企联合制定培养方案。"), (4, "区人力资源和社会保障局"), (5, "区教育局\n区总工会"), (6, "2024年9月底前"), (8, "王某")]),
    (10, [(1, 4), (2, "落实企业参与办学激励政策"), (3, "对参与职业教育成效明显的企业按规定落实税费优惠。"), (4, "区税务局"), (5, "区财政局、区教育局"), (6, "长期坚持"), (8, "赵某")]),
    (11, [(1, "注：1.牵头单位对任务落实负总责，配合单位按职责分工协同推进。2.各单位每季度末向区教育局报送进展情况。")]),
], ["A1:G1", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4", "G3:G4", "H3:H4", "B5:G5", "D6:D7", "B8:G8", "A11:G11"],
    cols='<cols><col min="1" max="1" width="6" customWidth="1"/><col min="8" max="8" width="10" hidden="1" customWidth="1"/></cols>')

sheet2 = sheet_xml([
    (1, [(1, "填表说明")]),
    (2, [(1, "1.完成时限填写具体年月，长期任务填写“长期坚持”。")]),
    (3, [(1, "2.一项任务有多个配合单位的，用顿号分隔。")]),
], [])

shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
          + "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in strings) + '</sst>')

# Style 1 shows a date as 2024年12月 (year and month only), as offices format a 完成时限 column.
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '</styleSheet>')

workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="分工表" sheetId="1" r:id="rId1"/><sheet name="填表说明" sheetId="2" r:id="rId2"/></sheets></workbook>')

rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                 f'<Relationship Id="rId2" Type="{rel}/worksheet" Target="worksheets/sheet2.xml"/>'
                 f'<Relationship Id="rId4" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
                 f'<Relationship Id="rId5" Type="{rel}/styles" Target="styles.xml"/></Relationships>')

root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')

sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{sheet_type}"/>' for i in (1, 2)) +
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '</Types>')

with zipfile.ZipFile("samples/sectioned-task-table.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                       ("xl/_rels/workbook.xml.rels", workbook_rels), ("xl/worksheets/sheet1.xml", sheet1),
                       ("xl/worksheets/sheet2.xml", sheet2), ("xl/sharedStrings.xml", shared), ("xl/styles.xml", styles)]:
        info = zipfile.ZipInfo(name, date_time=(2024, 4, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
