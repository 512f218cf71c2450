#!/usr/bin/env python3
"""Writes samples/task-table.xlsx: an invented 分工表 workbook as offices keep it in Excel (run from the repository root).

Sheet 1 (重点任务分工): a title row merged across the columns, a header over two rows (责任单位 above 牵头单位 |
配合单位, 序号 and the others merged down), section rows 一、… merged across, a 牵头单位 merged down over two tasks,
shared strings, a deadline stored as an Excel date. Sheet 2 (Sheet2): a second short table. Sheet 3 is hidden.
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

def sheet_xml(rows, merges):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>']
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
    (1, [(1, "南浦市职业教育质量提升行动重点任务分工表")]),
    (2, [(1, "序号"), (2, "重点任务"), (3, "具体措施"), (4, "责任单位"), (6, "完成时限")]),
    (3, [(4, "牵头单位"), (5, "配合单位")]),
    (4, [(1, "一、优化职业教育布局")]),
    (5, [(1, 1), (2, "整合中职学校资源"), (3, "将市第二职业中学并入市职教中心，统筹使用校舍和设备。"), (4, "市教育局"), (5, "市财政局、市自然资源和规划局"), (6, (45077, 1))]),
    (6, [(1, 2), (2, "建设高水平专业群"), (3, "围绕本市汽车零部件、电子信息产业建设3个市级骨干专业群。"), (5, "市工业和信息化局"), (6, "2023年12月底前")]),
    (7, [(1, "二、深化校企合作")]),
    (8, [(1, 3), (2, "推行现代学徒制"), (3, "在5家以上企业开展现代学徒制试点，校企联合招生、联合培养。"), (4, "市人力资源和社会保障局"), (5, "市教育局、市总工会"), (6, "长期坚持")]),
], ["A1:F1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "A4:F4", "D5:D6", "A7:F7"])

sheet2 = sheet_xml([
    (1, [(1, "序号"), (2, "工作任务"), (3, "责任单位"), (4, "完成时间")]),
    (2, [(1, 1), (2, "开展职业教育活动周宣传，展示技能人才风采。"), (3, "市教育局、市委宣传部"), (4, "每年5月")]),
], [])

hidden = sheet_xml([(1, [(1, "隐藏的草稿表，不应读取")])], [])

shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
          + "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in strings) + '</sst>')

styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '</styleSheet>')

workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="重点任务分工" sheetId="1" r:id="rId1"/><sheet name="Sheet2" sheetId="2" r:id="rId2"/>'
            '<sheet name="草稿" sheetId="3" state="hidden" r:id="rId3"/></sheets></workbook>')

rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                 f'<Relationship Id="rId2" Type="{rel}/worksheet" Target="worksheets/sheet2.xml"/>'
                 f'<Relationship Id="rId3" Type="{rel}/worksheet" Target="worksheets/sheet3.xml"/>'
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
                 + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{sheet_type}"/>' for i in (1, 2, 3)) +
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '</Types>')

with zipfile.ZipFile("samples/task-table.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                       ("xl/_rels/workbook.xml.rels", workbook_rels), ("xl/worksheets/sheet1.xml", sheet1),
                       ("xl/worksheets/sheet2.xml", sheet2), ("xl/worksheets/sheet3.xml", hidden),
                       ("xl/sharedStrings.xml", shared), ("xl/styles.xml", styles)]:
        info = zipfile.ZipInfo(name, date_time=(2022, 5, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
