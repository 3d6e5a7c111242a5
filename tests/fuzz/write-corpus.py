#!/usr/bin/env python3
# write-corpus.py: writes the seed corpus of each harness (tests/fuzz/corpus/NAME/).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Small inputs that reach the interesting paths of each surface; libFuzzer
# mutates from there. Run it again after changing a seed: ./write-corpus.py
import io
import os
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))

ARTICLE = ("Kessel votes on the bridge\n\n"
           "KESSEL, Nov. 20 (Wire) - Turnout was 68.5 per cent, the electoral office said on Sunday.\n"
           "More than 10,000 people attended the 3rd rally, which cost $1.2 million.\n\n"
           "\"We will build it,\" said Mayor Anna Berg of the Kessel Bridge Authority (KBA).\n"
           "The vote ended at 8 p.m.; results are due on Dec. 2, 2022.\n")

TRANSLATION = ("Kessel stimmt über die Brücke ab\n\n"
               "Die Wahlbeteiligung lag bei 68,5 Prozent, sagte das Wahlamt am Sonntag.\n"
               "Über 10.000 Menschen kamen zur dritten Kundgebung, die 1,2 Millionen Dollar kostete.\n")

def text_seeds():
    yield "utf8.txt", ARTICLE.encode("utf-8")
    yield "utf8-bom-crlf.txt", b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8")
    yield "utf16le.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le")
    yield "utf16be.txt", b"\xfe\xff" + TRANSLATION.encode("utf-16-be")
    yield "cp1252.txt", TRANSLATION.encode("cp1252")
    yield "koi8r.txt", "Выборы в Кесселе: явка 68,5 процента.\n\nМэр Анна Берг сказала: да.\n".encode("koi8-r")
    yield "cr-only.txt", ARTICLE.replace("\n", "\r").encode("utf-8")
    yield "late-nul.txt", ARTICLE.encode("utf-8") * 3 + b"\x00" + ARTICLE.encode("utf-8")
    yield "high-bytes.txt", bytes(range(0x80, 0x100)) * 4
    yield "short-sentences.txt", b"A. B. C. D! E? F.\n" * 20
    yield "one-line.txt", b"word " * 400
    # NFC in pieces: decomposed accents, marks to reorder, Hangul, jamo
    yield "nfd.txt", ("Cafe\u0301 na\u0131\u0308ve a\u0302\u0323 \u0643\u0651\u064e\u062a\u064e\u0628 "
                      "\ud55c\uad6d \u1100\u1161\u11a8 \u2126 \u0958 x\u0316\u0301\u0316\u0301.\n").encode("utf-8") * 8
    yield "utf16le-no-bom.txt", ARTICLE.encode("utf-16-le")
    yield "utf16be-no-bom.txt", TRANSLATION.encode("utf-16-be")

def html_seeds():
    yield "article.html", ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Kessel votes | Courier</title>"
        "<meta property=\"og:title\" content=\"Kessel votes on the bridge\">"
        "<meta name=\"author\" content=\"Ana Berg\"><meta property=\"article:published_time\" content=\"2022-11-20T10:00:00Z\">"
        "<link rel=\"canonical\" href=\"https://example.org/kessel\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
        "\"headline\":\"Kessel votes\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Berg\"}],"
        "\"datePublished\":\"2022-11-20\"} /* ] comment */</script></head><body>"
        "<nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav>"
        "<article><h1>Kessel votes on the bridge</h1><p class=\"byline\">By Ana Berg</p>"
        "<time datetime=\"2022-11-20\">20 November 2022</time>"
        "<p>Turnout was 68.5 per cent, the electoral office said.</p>"
        "<h2>The rally</h2><ul><li>More than 10,000 people</li><li>$1.2 million</li></ul>"
        "<blockquote>We will build it.</blockquote><figure><img src=\"x.jpg\"><figcaption>The bridge.</figcaption></figure>"
        "<p style=\"display:none\">hidden</p><div class=\"share\">Share on X</div></article>"
        "<div id=\"comments\"><form><textarea></textarea></form></div><footer>© Courier</footer></body></html>").encode("utf-8")
    yield "latin1-meta.html", ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
        "<title>Brücke</title></head><body><div><p>Über 10.000 Menschen kamen.</p><p>Die Wahlbeteiligung lag bei 68,5 Prozent.</p></div></body></html>").encode("latin-1")
    yield "internal-dtd.html", (b"<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
        b"<html><body><p>&b;&b; text</p></body></html>")
    yield "nested.html", b"<html><body>" + b"<div>" * 200 + b"<p>deep text here.</p>" + b"</div>" * 200 + b"</body></html>"
    yield "xhtml.html", (b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
        b"<head><title>T</title></head><body><p>One sentence. Two sentences.</p></body></html>")
    yield "json-ld-closers.html", (b"<html><head><script type=\"application/ld+json\">/* ]] */"
        + b"[" * 40 + b"/* ]]]] */" + b"[" * 40 + b"\"a]\"" + b"]" * 80
        + b"</script></head><body><p>One sentence here. Two sentences there.</p></body></html>")
    yield "utf16.html", b"\xff\xfe" + "<html><body><p>Ein Satz über die Brücke.</p></body></html>".encode("utf-16-le")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

def zip_of(parts, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts:
            # ODF wants its mimetype first and stored
            z.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_STORED if name == "mimetype" else method)
    return out.getvalue()

def docx(body, extra=()):
    document = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"%s\"><w:body>%s</w:body></w:document>"
                % (W, body))
    return zip_of([("[Content_Types].xml", "<Types/>"), ("word/document.xml", document)] + list(extra))

def office_seeds():
    yield "article.docx", docx(
        "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Kessel votes on the bridge</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Turnout was </w:t></w:r><w:r><w:t>68.5 per cent.</w:t></w:r>"
        "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"Zitat\"/></w:pPr><w:r><w:t>We will build it.</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>More than 10,000 people</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:sdt><w:sdtContent><w:p><w:ins><w:r><w:t>Inserted.</w:t></w:r></w:ins><w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:p></w:sdtContent></w:sdt>",
        [("word/styles.xml", "<w:styles xmlns:w=\"%s\"><w:style w:styleId=\"Zitat\"><w:name w:val=\"Quote\"/>"
                             "<w:basedOn w:val=\"Zitat\"/></w:style></w:styles>" % W),
         ("word/footnotes.xml", "<w:footnotes xmlns:w=\"%s\"><w:footnote w:id=\"1\"><w:p><w:r><w:t>A note.</w:t></w:r></w:p>"
                                "</w:footnote></w:footnotes>" % W),
         ("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                               "xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>Kessel</dc:title><dc:creator>Ana Berg</dc:creator>"
                               "<dcterms:created>2022-11-20T09:00:00Z</dcterms:created></cp:coreProperties>")])
    yield "article.odt", zip_of([
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"><office:automatic-styles>"
                        "<style:style style:name=\"P1\" style:parent-style-name=\"P1\"/></office:automatic-styles>"
                        "<office:body><office:text><text:h>Kessel votes</text:h><text:p text:style-name=\"P1\">Turnout was"
                        "<text:s text:c=\"2\"/>68.5 per cent.<text:note><text:note-body><text:p>Note.</text:p></text:note-body>"
                        "</text:note></text:p><text:list><text:list-item><text:p>Item</text:p></text:list-item></text:list>"
                        "</office:text></office:body></office:document-content>"),
        ("meta.xml", "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                     "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta>"
                     "<meta:creation-date>2022-11-20T09:00:00</meta:creation-date></office:meta></office:document-meta>")])
    yield "dtd.docx", docx("<w:p/>", [("docProps/core.xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>")])
    yield "stored.docx", zip_of([("word/document.xml", "<w:document xmlns:w=\"%s\"><w:body><w:p><w:r><w:t>Stored text.</w:t>"
                                  "</w:r></w:p></w:body></w:document>" % W)], zipfile.ZIP_STORED)
    yield "spaces.docx", docx("<w:p><w:r><w:t>" + " " * 20000 + "x</w:t></w:r></w:p>")

def raw_pdf(pages, info="", trailer_extra=""):
    """A PDF of pages, each a list of (x, y, size, text) in Helvetica (not embedded)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        stream = "".join("BT /F1 %g Tf %g %g Td (%s) Tj ET\n" % (size, x, y, text.replace("\\", "\\\\")
                         .replace("(", "\\(").replace(")", "\\)")) for x, y, size, text in lines)
        objects.append("<< /Length %d >>\nstream\n%sendstream" % (len(stream.encode("latin-1")), stream))
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>" % len(objects))
        kids.append("%d 0 R" % len(objects))
    objects[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), len(kids))
    if info:
        objects.append(info)
        trailer_extra += " /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, body)).encode("latin-1")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)).encode()
    for offset in offsets:
        out += ("%010d 00000 n \n" % offset).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, trailer_extra, xref)).encode()
    return bytes(out)

def pdf_seeds():
    body = ["Turnout was 68.5 per cent, the electoral office said on Sun-",
            "day. More than 10,000 people attended the third rally, which",
            "cost $1.2 million.",
            "   \"We will build it,\" said Mayor Anna Berg of the Kessel",
            "Bridge Authority. The vote ended at 8 p.m.; results are due."]
    def page(n, top=700):
        # each page its own text: the header and the page number are what repeats
        lines = [(56, 810, 8, "The Kessel Courier - special report"), (290, 30, 8, "Page %d" % n)]
        if n == 1:
            lines.append((56, 760, 16, "Kessel votes on the bridge"))
        text = body[n % len(body):] + body[:n % len(body)]
        lines += [(56 + (12 if t.startswith("   ") else 0), top - 13 * i, 10, t.strip()) for i, t in enumerate(text)]
        return lines
    info = "<< /Title (Kessel votes on the bridge) /Author (Ana Berg) /CreationDate (D:20221120100000Z) >>"
    yield "article.pdf", raw_pdf([page(1), page(2), page(3)], info)
    column = ["Turnout was 68.5 per cent,", "the office said on Sun-", "day. More than 10,000",
              "people attended the rally.", "   \"We will build it,\" said", "Mayor Anna Berg."]
    yield "two-columns.pdf", raw_pdf([[(56, 760, 16, "Kessel votes on the bridge")] +
                                      [(56 + (12 if t.startswith("   ") else 0), 700 - 13 * i, 10, t.strip())
                                       for i, t in enumerate(column)] +
                                      [(310 + (12 if t.startswith("   ") else 0), 700 - 13 * i, 10, t.strip())
                                       for i, t in enumerate(reversed(column))]])
    yield "no-text.pdf", raw_pdf([[]])
    yield "encrypted.pdf", raw_pdf([page(1)], "", " /Encrypt << /Filter /Standard /V 1 /R 2 /P -44 /O <%s> /U <%s> >>"
                                   " /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
                                   % ("01" * 32, "fe" * 32))

def session_seeds():
    text = "Kessel votes on the bridge\n\nTurnout was 68.5 per cent, the office said.\n"
    start = text.index("68.5 per cent")
    end = start + len("68.5 per cent")
    def session(body_sources, annotations="", settings=""):
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<parallax-session version=\"1\" generator=\"Parallax 0.1.0\">\n"
                "  <sources>\n" + body_sources + "  </sources>\n  <columns><column source=\"s1\"/></columns>\n"
                "  <annotations>\n" + annotations + "  </annotations>\n  <settings>" + settings + "</settings>\n"
                "</parallax-session>\n").encode("utf-8")
    plain = ("    <source id=\"s1\" document=\"0e0c9ddbb2d38bf4\"><origin>/home/ana/kessel.txt</origin>"
             "<title>Kessel votes on the bridge</title><format>text</format><encoding>UTF-8</encoding>"
             "<text>" + text + "</text></source>\n")
    annotation = ("    <annotation id=\"5ef746f3-ecf7-45e0-89cd-53995fd1674d\" source=\"s1\" created=\"2026-11-30T00:53:20Z\" "
                  "modified=\"2026-11-30T00:58:20Z\"><label>contradiction</label><color>#aa3300</color>"
                  "<position start=\"%d\" end=\"%d\"/><quote><prefix>Turnout was </prefix><exact>68.5 per cent</exact>"
                  "<suffix>, the office said.\n</suffix></quote><note>The wire says 64.8 per cent.</note></annotation>\n") % (start, end)
    stale = ("    <annotation id=\"a2\" source=\"s1\" created=\"0089-01-01T00:00:00Z\" anchor=\"orphaned\">"
             "<label>my label</label><position start=\"3\" end=\"9\"/><quote><prefix>K</prefix>"
             "<exact>Turnout wos 68.4 per cent</exact><suffix/></quote></annotation>\n")
    yield "plain.parallax", session(plain, annotation, "<setting key=\"sidebar-page\">annotations</setting>")
    yield "stale.parallax", session(plain, stale)
    html_text = "Kessel votes\nTurnout was 68.5 per cent.\nWe will build it."
    html = ("    <source id=\"s1\"><format>html</format><paragraphs>"
            "<paragraph start=\"0\" end=\"12\" kind=\"heading\"/><paragraph start=\"13\" end=\"39\" kind=\"text\"/>"
            "<paragraph start=\"40\" end=\"57\" kind=\"quote\"/></paragraphs><text>" + html_text + "</text></source>\n")
    yield "html.parallax", session(html)
    b64 = ("    <source id=\"s1\"><text encoding=\"base64\">QmVsbAdLZXNzZWwgdm90ZXMu</text>"
           "<title encoding=\"base64\">VAFp</title></source>\n")
    yield "base64.parallax", session(b64, "", "<setting key=\"k\" encoding=\"base64\">dgd4</setting>")
    yield "doctype.parallax", b"<!DOCTYPE parallax-session [<!ENTITY x \"y\">]>" + session(plain)[38:]

def facts_seeds():
    yield "article.txt", ARTICLE.encode("utf-8")
    yield "numbers.txt", ("about 12 million people; more than 10 thousand polling stations; 3/4 of the votes; "
                          "-5 overnight; 1\u202f234\u202f567; one hundred and five; 4.5m units; 23.37 on Monday.").encode("utf-8")
    yield "money.txt", "$500 billion, €1.2bn, 300 euros, USD 45, 1,5 Mio. Euro, £3.50, 20 per cent, 4 percentage points.".encode("utf-8")
    yield "dates.txt", "On 20 November 2022, Nov. 20, 2022-11-20, the 21st of May, at 8 p.m., 14:30, in 1989, Dec. 2.".encode("utf-8")
    yield "ordinals.txt", b"his second term, the 10th congress, the twenty-first century, the 99999999999th try, the -99999999999th, 1st, 2nd, 3rd."
    yield "names.txt", b"\"We will build it,\" said Mayor Anna Berg of the Kessel Bridge Authority (KBA) in Kessel, Germany."

def compare_seeds():
    yield "translation.txt", ARTICLE.encode("utf-8") + b"\x00" + TRANSLATION.encode("utf-8")
    yield "same.txt", ARTICLE.encode("utf-8") + b"\x00" + ARTICLE.encode("utf-8")
    yield "edited.txt", (ARTICLE.encode("utf-8") + b"\x00" +
                         ARTICLE.replace("68.5", "64.8").replace("10,000", "12,000").encode("utf-8"))
    yield "short.txt", b"A. B. C.\x00A. C. D."

SURFACES = {
    "import-text": text_seeds,
    "import-html": html_seeds,
    "import-office": office_seeds,
    "import-pdf": pdf_seeds,
    "session": session_seeds,
    "facts": facts_seeds,
    "compare": compare_seeds,
}

def main():
    for name, seeds in SURFACES.items():
        folder = os.path.join(here, "corpus", name)
        os.makedirs(folder, exist_ok=True)
        for file_name, data in seeds():
            with open(os.path.join(folder, file_name), "wb") as f:
                f.write(data)
    return 0

if __name__ == "__main__":
    sys.exit(main())
