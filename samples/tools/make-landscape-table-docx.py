#!/usr/bin/env python3
"""Writes samples/landscape-task-table.docx: an invented notice as an office's Word file (run from the repository root).

A portrait section with the notice and the plan's text, then the 分工表 as an annex in a landscape section (the
section break's w:sectPr in the last paragraph before it, w:orient="landscape"): a header over two rows (序号, 重点任务,
完成时限 merged down with vMerge, 责任单位 across 牵头单位 | 配合单位 with gridSpan), the header row repeated on each page
(tblHeader), section rows 一、… spanning the table, a 牵头单位 merged down over three tasks and a 配合单位 over two, a
cell of two paragraphs, and a notes paragraph under the table.
"""
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def run(text, bold=False):
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

def para(text="", center=False, bold=False, indent=True, sect=None):
    ppr = []
    if center: ppr.append('<w:jc w:val="center"/>')
    elif indent: ppr.append('<w:ind w:firstLineChars="200" w:firstLine="640"/>')
    if sect: ppr.append(sect)
    ppr = f'<w:pPr>{"".join(ppr)}</w:pPr>' if ppr else ''
    return f'<w:p>{ppr}{run(text, bold) if text else ""}</w:p>'

def cell(texts, width, span=1, vmerge=None):
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1: pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart": pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue": pr += '<w:vMerge/>'
    if isinstance(texts, str): texts = [texts]
    body = "".join(f'<w:p>{run(t) if t else ""}</w:p>' for t in texts) or '<w:p/>'
    return f'<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>'

def row(cells, header=False):
    pr = '<w:trPr><w:tblHeader/></w:trPr>' if header else ''
    return f'<w:tr>{pr}{"".join(cells)}</w:tr>'

widths = [800, 5200, 2400, 3600, 2000]
R, C = "restart", "continue"
rows = [
    row([cell("序号", widths[0], vmerge=R), cell("重点任务", widths[1], vmerge=R), cell("责任单位", widths[2] + widths[3], span=2),
         cell("完成时限", widths[4], vmerge=R)], header=True),
    row([cell("", widths[0], vmerge=C), cell("", widths[1], vmerge=C), cell("牵头单位", widths[2]), cell("配合单位", widths[3]),
         cell("", widths[4], vmerge=C)], header=True),
    row([cell("一、提升专业建设水平", sum(widths), span=5)]),
    row([cell("1", widths[0]), cell("对接西岭市新能源装备产业，新设储能技术应用专业，2025年招生不少于80人。", widths[1]),
         cell("市教育局", widths[2], vmerge=R), cell("市发展和改革委员会", widths[3], vmerge=R), cell("2025年9月底前", widths[4])]),
    row([cell("2", widths[0]), cell("建设市级骨干专业5个，每个专业配套建设1个校内实训室。", widths[1]),
         cell("", widths[2], vmerge=C), cell("", widths[3], vmerge=C), cell("2026年6月底前", widths[4])]),
    row([cell("3", widths[0]), cell(["修订专业人才培养方案。", "将企业新技术、新工艺纳入教学内容。"], widths[1]),
         cell("", widths[2], vmerge=C), cell("市人力资源和社会保障局", widths[3]), cell("每年8月底前", widths[4])]),
    row([cell("二、强化实习实训保障", sum(widths), span=5)]),
    row([cell("4", widths[0]), cell("建立实习单位遴选目录，实习单位须为学生购买实习责任保险。", widths[1]),
         cell("市人力资源和社会保障局", widths[2]), cell("市教育局、市应急管理局", widths[3]), cell("2025年12月底前", widths[4])]),
    row([cell("5", widths[0]), cell("落实学生实习报酬规定，不得向学生收取实习押金。", widths[1]),
         cell("市教育局", widths[2]), cell("市市场监督管理局", widths[3]), cell("长期坚持", widths[4])]),
]
grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
table = ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>'
         + "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
         + f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')

portrait = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
            'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
landscape = ('<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1588" w:right="2098" '
             'w:bottom="1474" w:left="1984" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')

body = "".join([
    para("西岭市教育局", center=True, bold=True),
    para("西教发〔2025〕6号", center=True),
    para("西岭市教育局关于印发西岭市职业院校专业建设与实习管理工作方案的通知", center=True, bold=True),
    para("各县（区）教育局，市属各职业院校：", indent=False),
    para("现将《西岭市职业院校专业建设与实习管理工作方案》印发给你们，请认真抓好落实。"),
    para("附件：西岭市职业院校专业建设与实习管理重点任务分工表"),
    para("西岭市教育局", center=False, indent=False),
    para("2025年3月10日", indent=False),
    para("西岭市职业院校专业建设与实习管理工作方案", center=True, bold=True),
    para("为提高职业院校专业建设与产业需求的契合度，规范学生实习管理，制定本方案。"),
    para("一、工作目标"),
    para("到2026年，全市职业院校建成市级骨干专业5个，学生实习责任保险覆盖率达到100%。"),
    para("二、重点任务"),
    para("各项重点任务及分工见附件。", sect=portrait),
    para("附件", indent=False, bold=True),
    para("西岭市职业院校专业建设与实习管理重点任务分工表", center=True, bold=True),
    table,
    para("注：排在第一位的配合单位负责汇总配合单位意见。", indent=False),
    landscape,
])

document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'

content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '</Relationships>')

with zipfile.ZipFile("samples/landscape-task-table.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("word/document.xml", document)]:
        info = zipfile.ZipInfo(name, date_time=(2025, 3, 10, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
