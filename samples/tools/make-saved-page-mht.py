#!/usr/bin/env python3
"""Writes samples/saved-page.mht: samples/gov-page-table.html as Internet Explorer and WPS save a page "as a single
file" (网页，单个文件): a MIME message, multipart/related, its root part the page re-encoded in GBK and declared
gb2312 (in the part's Content-Type and the page's meta), in quoted-printable, followed by a picture in base64.
Run from the repository root. The page is the invented sample; nothing is copied from a real site.
"""
import base64
import quopri

html = open("samples/gov-page-table.html", encoding="utf-8").read().replace('<meta charset="utf-8">',
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
page = quopri.encodestring(html.encode("gbk").replace(b"\n", b"\r\n")).decode("ascii")
# A 1x1 transparent PNG stands for the site's logo.
logo = base64.encodebytes(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")).decode("ascii")
boundary = "----=_NextPart_000_0000_01D8A0C1.5E3F2A10"
parts = [
    "From: <Saved by Windows Internet Explorer 8>",
    "Subject: =?gb2312?B?" + base64.b64encode("西岭市推进职业教育产教融合实施方案".encode("gbk")).decode("ascii") + "?=",
    "Date: Fri, 15 Apr 2022 10:02:11 +0800",
    "MIME-Version: 1.0",
    "Content-Type: multipart/related;",
    '\ttype="text/html";',
    f'\tboundary="{boundary}"',
    "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158",
    "",
    "This is a multi-part message in MIME format.",
    "",
    f"--{boundary}",
    'Content-Type: text/html;',
    '\tcharset="gb2312"',
    "Content-Transfer-Encoding: quoted-printable",
    "Content-Location: http://www.xiling.gov.cn/zwgk/zcwj/202204/t20220415_12345.html",
    "",
    page.replace("\r\n", "\n").replace("\n", "\r\n").rstrip("\r\n"),
    "",
    f"--{boundary}",
    "Content-Type: image/png",
    "Content-Transfer-Encoding: base64",
    "Content-Location: http://www.xiling.gov.cn/images/logo.png",
    "",
    logo.strip(),
    "",
    f"--{boundary}--",
    "",
]
with open("samples/saved-page.mht", "wb") as f:
    f.write("\r\n".join(parts).encode("ascii"))
