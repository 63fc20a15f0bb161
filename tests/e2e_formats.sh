#!/bin/sh
# e2e_formats: `yusuan audit` on files of every input format.
#  1. Bad input (0-byte, random bytes, truncated zip, a zip that is no
#     DOCX, an XML bomb, a zip bomb, broken / image-only / encrypted PDF,
#     HTML that is not UTF-8): exit 2 and one message naming the file (and
#     the place, where there is one); never a crash.
#  2. The reference document, turned into HTML here (tab rows -> <tr>),
#     then into DOCX, XLSX and PDF by LibreOffice: each audits with the
#     text's findings but for their places (same severity[rule] multiset,
#     same messages once "FILE:LINE:" and the lines they cite are set
#     aside).  Formats listed in $LENIENT report a difference of up to
#     $LENIENT_MAX rules, those in $WORDING up to $WORDING_MAX message
#     lines, as a note instead of failing (see the comments there).
# Needs python3 (to write zips and PDFs); LibreOffice and qpdf parts skip.
set -u
ROOT=${YS_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${YS_SHARED:-$ROOT/../shared}
Y="${YUSUAN:-$ROOT/build/yusuan}"
case $Y in /*) ;; *) Y=$PWD/$Y ;; esac   # part 2 runs it from a temporary folder
[ -x "$Y" ] || { echo "FAIL: $Y not built"; exit 1; }
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0

# ---- 1. bad input ------------------------------------------------------
python3 - "$T" <<'EOF'
import sys, zipfile, random, os
t = sys.argv[1]
def z(name, parts):
    with zipfile.ZipFile(os.path.join(t, name), 'w', zipfile.ZIP_DEFLATED) as f:
        for k, v in parts.items():
            f.writestr(k, v)
open(os.path.join(t, 'empty.txt'), 'wb').close()
random.seed(7)
open(os.path.join(t, 'random.bin'), 'wb').write(bytes([0]) + bytes(random.getrandbits(8) for _ in range(4095)))
doc = '<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>'
z('ok.docx', {'word/document.xml': doc})
data = open(os.path.join(t, 'ok.docx'), 'rb').read()
open(os.path.join(t, 'cut.docx'), 'wb').write(data[:len(data) // 2])
z('notdocx.docx', {'readme.txt': 'hello'})
z('bomb.docx', {'word/document.xml': '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                '<d>&c;&c;&c;&c;</d>'})
z('zipbomb.docx', {'word/document.xml': 'a' * (8 << 20)})
z('badxml.xlsx', {'xl/workbook.xml': '<workbook><sheets>\n<sheet name="a" r:id="rId1">\n</sheets>'})
def pdf(name, content):
    objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R '
            '/Resources << /Font << /F1 5 0 R >> >> >>',
            '<< /Length %d >>\nstream\n%s\nendstream' % (len(content) + 1, content),
            '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out = b'%PDF-1.4\n'
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += ('%d 0 obj\n%s\nendobj\n' % (i + 1, o)).encode()
    x = len(out)
    out += b'xref\n0 6\n0000000000 65535 f \n' + b''.join(b'%010d 00000 n \n' % o for o in offs)
    out += b'trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % x
    open(os.path.join(t, name), 'wb').write(out)
pdf('scan.pdf', '10 10 100 100 re f')
pdf('text.pdf', 'BT /F1 12 Tf 20 200 Td (Budget 2877.94) Tj ET')
open(os.path.join(t, 'broken.pdf'), 'wb').write(b'%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n' + bytes(range(256)))
open(os.path.join(t, 'bad.html'), 'wb').write('<html><body>\n<p>好</p>\n<p>'.encode() + b'\xff\xfe</p></body></html>\n')
EOF
if command -v qpdf >/dev/null; then
  qpdf --encrypt secret owner 256 -- "$T/text.pdf" "$T/enc.pdf" || { echo "FAIL: qpdf --encrypt"; fail=1; }
else
  echo "skip: qpdf is not installed (encrypted PDF)"
fi

# bad FILE WHERE WORD: exit 2, the message names FILE[:WHERE] and says WORD
bad() {
  f="$T/$1"
  [ -f "$f" ] || return 0
  ${YS_WRAP:-} "$Y" audit "$f" >"$T/out" 2>"$T/err"
  rc=$?
  if [ "$rc" -ne 2 ]; then
    echo "FAIL: $1: exit $rc, want 2"; cat "$T/out" "$T/err"; fail=1; return
  fi
  if ! grep -q -- "$f$2[:0-9]*: .*$3" "$T/err"; then
    echo "FAIL: $1: want a message at '$1$2' saying '$3', got:"; cat "$T/err"; fail=1; return
  fi
  echo "ok   $1: $(cat "$T/err")"
}
bad empty.txt      ""                     "文件为空"
bad random.bin     ""                     "无法识别"
bad cut.docx       ""                     "zip"
bad notdocx.docx   ""                     "DOCX"
bad bomb.docx      ":word/document.xml"   "XML 炸弹"
bad zipbomb.docx   ":word/document.xml"   "zip 炸弹"
bad badxml.xlsx    ":xl/workbook.xml"     "XML"
bad scan.pdf       ""                     "没有可提取的文字"
bad broken.pdf     ""                     "PDF"
bad enc.pdf        ""                     "加密"
bad bad.html       ":3"                   "UTF-8"

# ---- 2. the reference document in every format ------------------------------
REF="$SHARED/documents/000_b019c8698d50126e.txt"
LO=$(command -v libreoffice || command -v soffice || true)
if [ ! -f "$REF" ]; then
  echo "skip: $REF is absent"
elif [ -z "$LO" ]; then
  echo "skip: libreoffice is not installed"
else
  python3 - "$REF" "$T/ref.html" <<'EOF'
import sys, html, re
# Cells carry LibreOffice's sdval/sdnum so that Calc stores figures as
# numbers with the format they were shown in (2,877.94 -> 2877.94 shown
# "#,##0.00"), and everything else as text ("014" stays "014").
NUM = re.compile(r'^(-?)([\d,]+)(?:\.(\d+))?(%?)$')
def td(c):
    c = c.strip()
    m = NUM.match(c)
    if not m or (len(m.group(2)) > 1 and m.group(2)[0] == '0' and not m.group(4)):
        return '<td sdnum="2052;0;@">%s</td>' % html.escape(c)
    sign, whole, frac, pct = m.groups()
    fmt = ('#,##0' if ',' in whole else '0') + ('.' + '0' * len(frac) if frac else '') + pct
    val = sign + whole.replace(',', '') + ('.' + frac if frac else '')
    if pct:
        d = val.lstrip('-').split('.')
        val = sign + repr(float(d[0] + '.' + (d[1] if len(d) > 1 else '0')) / 100)
    return '<td sdval="%s" sdnum="2052;0;%s">%s</td>' % (val, fmt, html.escape(c))
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
out = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>']
in_table = False
for l in lines:
    if '\t' in l:
        if not in_table:
            out.append('<table border="1" cellpadding="4" width="100%">')
            in_table = True
        out.append('<tr>' + ''.join(td(c) for c in l.split('\t')) + '</tr>')
    else:
        if in_table:
            out.append('</table>')
            in_table = False
        if l.strip():
            out.append('<p>%s</p>' % html.escape(l.strip()))
if in_table:
    out.append('</table>')
out.append('</body></html>')
open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join(out) + '\n')
EOF
  rules() { sed -n 's/^[^ ]*: \([a-z]*\[[^]]*\]\):.*/\1/p' "$1" | sort; }
  ${YS_WRAP:-} "$Y" audit "$REF" >"$T/ref.txt.audit" 2>&1
  rules "$T/ref.txt.audit" >"$T/want"
  # A finding without its place: "FILE:LINE: " and the document lines its
  # message cites differ between formats; nothing else may.
  msgs() { sed -e 's/^[^ ]*: //' -e 's/第[0-9]*行起*/第N行/g' -e 's/（第N行[^）]*）//g' "$1" | sort; }
  msgs "$T/ref.txt.audit" >"$T/want.msgs"
  cd "$T" || exit 1
  "$LO" -env:UserInstallation="file://$T/lo" --headless --convert-to 'docx:MS Word 2007 XML' ref.html --outdir "$T" >/dev/null 2>&1
  "$LO" -env:UserInstallation="file://$T/lo" --headless --infilter=calc_HTML_WebQuery --convert-to 'xlsx:Calc MS Excel 2007 XML' ref.html --outdir "$T" >/dev/null 2>&1
  "$LO" -env:UserInstallation="file://$T/lo" --headless --convert-to 'pdf:writer_pdf_Export' ref.html --outdir "$T" >/dev/null 2>&1
  # PDF: LibreOffice's rendering still reads differently from the text in
  # places (2026-11-28, lib/readers/pdf*.c).  Every table is recognised:
  # 1-10 as the text's (adjacent figures 7.6 pt apart part cells, staggered
  # header lines band, header cells 8.5 pt apart part between CJK labels, a
  # header's last lines past the page edge are read), table 11 since its
  # goal labels, set in the middle of their rows beside the goal text, band
  # with it (readers/pdf_band.c); its project names ("项目4：信息网络购建项目
  # 经费", a cell spanning two grid columns) whole in their column since a
  # digit glued to text is text and a run set from a column's left edge over
  # the next column is that column's (readers/pdf_block.c); its indicator
  # values, wrapped in narrow cells ("< 600 万" over "元"), whole in their
  # columns since a line's cell gap running over a whole run of the block
  # no longer parts runs under a fifth of a line apart and a word gap
  # outside every column parts two columns' words (readers/pdf_runs.c);
  # its rows whose cells' lines, centred, interleave band into one row
  # (lines standing over one another without overlapping are one cell's,
  # readers/pdf_band.c).  Table 12's five forms are found since a title
  # wrapped in a form's narrow first cell reads as one line, names wrapped
  # four or five characters a line read whole, a label's cell padded close
  # to its figure's parts from it (readers/pdf_wrap.c, pdf_rows.c), and
  # labels of two narrow columns on one line part where the first one's
  # column ends (pdf_block.c).  Two forms' annual goal tables are read
  # since a header's labels wrapped in narrow cells beside labels centred
  # on them part where the lines side by side leave a gap wider than the
  # text height (pdf_block.c); columns that no figure fills (前年, 上年)
  # come from the header's words (readers/pdf_textcols.c).  Table 11's
  # goal headings read since a label wrapped in a narrow cell beside its
  # goal's text, the two interleaved half a line apart, is one row of two
  # cells (readers/pdf_labelled.c); its long-term goals 4 and 5, whose
  # rows show no whole figure but a goal's number, take their columns from
  # each band of cells side by side (pdf_block.c); a value wrapped in its
  # cell parts from the basis cell beside it where a wider value above
  # reaches near that column (pdf_block.c); lines of a band whose cells
  # stand over half the text height apart are one logical row
  # (pdf_band.c), so table 11's long-term goal 3 matches its form, and
  # such a band of narrow cells beside a table's rows is a row of it
  # (pdf_rows.c), so long-term goal 5's 质量指标 row reads whole.  No rule
  # finding differs (2 with goal 5 unmatched, 3 with goal 3 unmatched
  # instead, 4 with a form's value run into its basis, 6 with long-term
  # goals 4 and 5 in too few columns, 10 with goal headings run into their text,
  # 12 with empty value columns run together, 19 with two forms' annual
  # goals unread, 26 with one form missing, 29 with table 11's rows apart,
  # 38 with its values split, 41 with the project names cut, 53 before the
  # PDF rows were banded): noted and listed as "known:" lines; more fail.
  LENIENT="pdf"
  LENIENT_MAX=${YS_LENIENT_MAX-0}
  # The PDF's findings are the text's rule for rule and message for
  # message (since 2026-11-28: 42 message lines differed while the gap
  # LibreOffice sets between Chinese and Latin script read as a space, 28
  # while a typed space there read as that gap and goals' label lines cut
  # their text out of the row, 16 while goals cut by a page break lost
  # their text's rest, 12 while names wrapped at a page's foot were cut
  # short, 2 while findings quoted a value as typed: "2个五门柜 1台饮水机"
  # wraps after 柜 in the PDF and reads "柜1台", and nothing on the page
  # tells that break from one between two characters, so findings quote
  # text without blanks beside Chinese, ys_quote_form).  WORDING_MAX lets
  # a known gap be noted instead of failing; none is known.
  WORDING="pdf"
  WORDING_MAX=${YS_WORDING_MAX-0}
  for ext in html docx xlsx pdf; do
    if [ ! -s "$T/ref.$ext" ]; then echo "FAIL: LibreOffice made no ref.$ext"; fail=1; continue; fi
    ${YS_WRAP:-} "$Y" audit "$T/ref.$ext" >"$T/ref.$ext.audit" 2>&1
    rc=$?
    rules "$T/ref.$ext.audit" >"$T/got"
    ndiff=$(diff "$T/want" "$T/got" | grep -c '^[<>]')
    if [ "$rc" -ne 2 ] && [ "$ndiff" -gt 0 ] && [ "$ndiff" -le "$LENIENT_MAX" ] &&
       echo " $LENIENT " | grep -q " $ext "; then
      echo "note: ref.$ext: $ndiff rule findings differ from the text's (known gap, at most $LENIENT_MAX):"
      diff "$T/want" "$T/got" | grep '^[<>]' | sort | uniq -c | sed 's/^/known:/'
    elif [ "$rc" -eq 2 ] || ! cmp -s "$T/want" "$T/got"; then
      echo "FAIL: ref.$ext (exit $rc): rules differ from the text's (< text, > $ext):"
      diff "$T/want" "$T/got" | head -20; head -5 "$T/ref.$ext.audit"; fail=1
    else
      msgs "$T/ref.$ext.audit" >"$T/got.msgs"
      nmsg=$(diff "$T/want.msgs" "$T/got.msgs" | grep -c '^[<>]')
      if [ "$nmsg" -eq 0 ]; then
        echo "ok   ref.$ext: $(wc -l <"$T/got") findings, the text's but for their places"
      elif [ "$nmsg" -le "$WORDING_MAX" ] && echo " $WORDING " | grep -q " $ext "; then
        echo "note: ref.$ext: the text's $(wc -l <"$T/got") rules; $nmsg message lines differ (known gap, at most $WORDING_MAX):"
        diff "$T/want.msgs" "$T/got.msgs" | grep '^>' | head -4 | sed 's/^/known:/'
      else
        echo "FAIL: ref.$ext: same rules as the text, but $nmsg message lines differ (< text, > $ext):"
        diff "$T/want.msgs" "$T/got.msgs" | head -10; fail=1
      fi
    fi
  done
  # The same document with its page breaks moved: k empty paragraphs put
  # before it, for each k of YS_REFSHIFTS, so that tables, rows, headers
  # and goal labels are cut at other lines (a header's last line opening a
  # page, a project's narrow cells cut at the foot, a form's first cell
  # stacked a word a line, a header alone at a page's foot ...).  Each
  # must give the text's rule findings (SHIFT_MAX known differences at
  # most; 0 since 2026-11-28, when every shift 1-9 of a sweep of 32 read
  # clean; 29 differed at k=2 that morning), and the text's messages
  # (SHIFT_WORDING_MAX known differences at most; 0 since the evening of
  # 2026-11-28, when all 51 shifts of a sweep read message for message:
  # goals set line for line or cut at the foot, a form's title stacked in
  # its first cell, table 2's header cut after its first line at k=22 had
  # differed).  The built example's PDF reads clean at every such shift
  # (tests/e2e_pagebreaks.sh).  Not under valgrind (seven more 46-page
  # PDFs).
  SHIFT_MAX=${YS_SHIFT_MAX-0}
  SHIFT_WORDING_MAX=${YS_SHIFT_WORDING_MAX-0}
  SHIFTS=${YS_REFSHIFTS-2 5 8 16 22 24 28}
  if [ -z "${YS_WRAP:-}" ] && [ -s "$T/ref.html" ] && [ -n "$SHIFTS" ]; then
    shifted=""
    for k in $SHIFTS; do
      paras=$(i=0; while [ "$i" -lt "$k" ]; do printf '<p>\\&nbsp;</p>'; i=$((i + 1)); done)
      sed "s|<body>|<body>$paras|" "$T/ref.html" >"$T/refshift$k.html"
      # the shift must be there, or this would audit ref.pdf's own breaks again
      if [ "$(grep -o '<p>&nbsp;</p>' "$T/refshift$k.html" | wc -l)" -ne "$k" ]; then
        echo "FAIL: refshift$k.html: not $k paragraphs put after <body>"; fail=1
      fi
      shifted="$shifted refshift$k.html"
    done
    # shellcheck disable=SC2086  # one LibreOffice run converts them all
    "$LO" -env:UserInstallation="file://$T/lo" --headless --convert-to 'pdf:writer_pdf_Export' $shifted --outdir "$T" >/dev/null 2>&1
    for k in $SHIFTS; do
      f="$T/refshift$k.pdf"
      if [ ! -s "$f" ]; then
        echo "FAIL: LibreOffice made no refshift$k.pdf"; fail=1; continue
      fi
      "$Y" audit "$f" >"$T/refshift.audit" 2>&1
      rc=$?
      rules "$T/refshift.audit" >"$T/got"
      ndiff=$(diff "$T/want" "$T/got" | grep -c '^[<>]')
      msgs "$T/refshift.audit" >"$T/got.msgs"
      nmsg=$(diff "$T/want.msgs" "$T/got.msgs" | grep -c '^[<>]')
      if [ "$rc" -eq 2 ] || [ "$ndiff" -gt "$SHIFT_MAX" ]; then
        echo "FAIL: refshift$k.pdf (exit $rc): $ndiff rule findings differ from the text's (at most $SHIFT_MAX known)"
        diff "$T/want" "$T/got" | head -20
        grep -o '表[0-9-]*（[^）]*）缺失' "$T/refshift.audit" | sort -u | sed 's/^/  /'
        fail=1
      elif [ "$nmsg" -gt "$SHIFT_WORDING_MAX" ]; then
        echo "FAIL: refshift$k.pdf: the text's rule findings, but $nmsg message lines differ (at most $SHIFT_WORDING_MAX known; < text, > pdf):"
        diff "$T/want.msgs" "$T/got.msgs" | grep '^[<>]' | head -10
        fail=1
      else
        echo "ok   refshift$k.pdf (page breaks moved by $k paragraphs): the text's findings; $nmsg message lines differ"
      fi
    done
  fi
fi
exit $fail
