#!/bin/sh
# Page images for docs/reports.md (branding, full-width photos, CAPA table, CAPA form,
# uncontrolled copy). Run from the repository root: sh docs/tools/report_output_pages.sh
# Needs poppler-utils (pdftoppm) and LibreOffice (soffice) for the Word/Excel renderings.
set -eu
ROOT=$(pwd)
WORK=$(mktemp -d)
export PYTHONPATH="$ROOT" AUDITAPP_HOME="$WORK/home"
DB="$WORK/demo.sqlite"
app() { python3 -m auditapp "$@" --db "$DB"; }

REF=$(app demo --photos 6 | tail -1)
python3 - "$WORK/logo.png" <<'EOF'
import sys
from PIL import Image, ImageDraw, ImageFont
image = Image.new("RGBA", (360, 360), (0, 0, 0, 0))
draw = ImageDraw.Draw(image)
draw.rounded_rectangle((0, 0, 359, 359), radius=60, fill="#0B4F6C")
font = ImageFont.truetype("resources/fonts/NotoSans-Bold.ttf", 170)
draw.text((180, 175), "NQ", font=font, fill="white", anchor="mm")
image.save(sys.argv[1])
EOF
app settings set organisation.name "Northbridge Clinical QA GmbH"
app settings set organisation.address 'Hafenstraße 12\n20457 Hamburg, Germany'
app settings set organisation.logo "$WORK/logo.png"

app report "$REF" --lang en -o "$WORK/report.pdf"
pdftoppm -r 60 -png -f 1 -l 1 "$WORK/report.pdf" "$WORK/cover"
mv "$WORK"/cover-*1.png docs/report-en-p1.png
# The first findings page with a full-width photo, and the CAPA table with titles.
python3 - "$WORK/report.pdf" "$WORK" <<'EOF'
import subprocess, sys
pdf, work = sys.argv[1], sys.argv[2]
pages = int([l for l in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:")][0].split()[1])
def find(text):
    for page in range(1, pages + 1):
        out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True).stdout
        if text in out and "Contents" not in out:
            return page
    raise SystemExit(f"{text!r} not found")
shots = {"p3": 3, "p4": find("Overall conclusion"), "p7": find("Findings are listed"),
         "photo": find("Photo evidence"), "capa": find("CAPA request"),
         "p18": find("Appendix C")}
for name, page in shots.items():
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), "-singlefile", pdf, f"docs/report-en-{name}"], check=True)
EOF

app capa-form "$REF" --lang de -o "$WORK/capa-form-de.docx"
soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo" --convert-to pdf \
  --outdir "$WORK" "$WORK/capa-form-de.docx" >/dev/null 2>&1
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$WORK/capa-form-de.pdf" docs/capa-form-de-docx
echo "page images written to docs/; work files in $WORK"
