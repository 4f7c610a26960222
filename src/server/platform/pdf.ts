/**
 * Printable PDF reports (pdfkit): a title, facts, and sections of text or tables. DejaVu Sans is used when the
 * system has it, so names in Cyrillic, Greek and other scripts print; otherwise the built-in Helvetica.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu'];

function fonts(): { regular: string; bold: string } {
  for (const dir of FONT_DIRS) {
    const regular = `${dir}/DejaVuSans.ttf`;
    const bold = `${dir}/DejaVuSans-Bold.ttf`;
    if (fs.existsSync(regular) && fs.existsSync(bold)) return { regular, bold };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold' };
}

export interface PdfSection {
  heading: string;
  /** Lines of text, or a table with a header row. */
  lines?: string[];
  table?: { header: string[]; rows: string[][]; widths: number[] };
  empty?: string;
}

export interface PdfReport { title: string; facts: [string, string][]; sections: PdfSection[]; footer: string }

/** Renders a report to a PDF buffer (A4, page numbers in the footer). */
export async function renderPdf(report: PdfReport): Promise<Buffer> {
  const f = fonts();
  const doc = new PDFDocument({ size: 'A4', margin: 48, bufferPages: true, info: { Title: report.title, Producer: 'Polsam' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 96;

  doc.font(f.bold).fontSize(16).text(report.title);
  doc.moveDown(0.5);
  doc.fontSize(9);
  for (const [k, v] of report.facts) doc.font(f.bold).text(`${k}: `, { continued: true }).font(f.regular).text(v);
  for (const s of report.sections) {
    doc.moveDown(1).font(f.bold).fontSize(12).text(s.heading, 48).moveDown(0.3).fontSize(8).font(f.regular);
    if (s.lines) for (const l of s.lines) doc.text(l, { width });
    if (s.table) {
      if (!s.table.rows.length) { doc.text(s.empty ?? '—'); continue; }
      const total = s.table.widths.reduce((a, b) => a + b, 0);
      const cols = s.table.widths.map((w) => (w / total) * width);
      const row = (cells: string[], bold: boolean) => {
        doc.font(bold ? f.bold : f.regular);
        const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 4 }));
        const h = Math.max(...heights, 10) + 4;
        if (doc.y + h > doc.page.height - 64) doc.addPage();
        const y = doc.y;
        let x = 48;
        cells.forEach((c, i) => { doc.text(c, x, y, { width: cols[i] - 4 }); x += cols[i]; });
        doc.x = 48;
        doc.y = y + h;
        doc.moveTo(48, doc.y - 2).lineTo(48 + width, doc.y - 2).lineWidth(0.3).strokeColor('#999999').stroke();
      };
      row(s.table.header, true);
      for (const r of s.table.rows) row(r, false);
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font(f.regular).fontSize(7).text(`${report.footer} · ${i + 1}/${range.count}`, 48, doc.page.height - 36, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
