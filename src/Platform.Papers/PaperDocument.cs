using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KhuyenCong.Platform.Papers;

public enum PaperAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A column of a <see cref="PaperDocument.Table"/>: its heading, its share of the width and how its cells align.</summary>
public sealed record PaperColumn(string Heading, double Width, PaperAlign Align = PaperAlign.Left);

/// <summary>
/// A printable paper on A4 in the margins of an administrative document (Decree 30/2020: left 3 cm, others 2 cm):
/// paragraphs that wrap, tables whose header repeats on each page, a two-column heading and signature, page numbers.
/// Text is laid out line by line with PDFsharp's measures, and a page breaks where the next line or row would not fit.
/// </summary>
public sealed class PaperDocument : IDisposable
{
    private const double Cm = 72 / 2.54;
    private const double Left = 3 * Cm;
    private const double Right = 2 * Cm;
    private const double Top = 2 * Cm;
    private const double Bottom = 2 * Cm;
    private const double CellPadding = 3;

    private readonly PdfDocument _pdf = new();
    private readonly bool _landscape;
    private XGraphics _graphics = null!;
    private double _y;

    /// <param name="title">The document's title in its properties (readers show it in their title bar).</param>
    /// <param name="landscape">A4 turned, for wide tables.</param>
    public PaperDocument(string title, bool landscape = false)
    {
        _landscape = landscape;
        _pdf.Info.Title = title;
        _pdf.Info.Creator = "KhuyenCong";
        NewPage();
    }

    public double Width => _graphics.PageSize.Width - Left - Right;

    /// <summary>A paragraph that wraps within the margins (or within <paramref name="indent"/> of the left one).</summary>
    public PaperDocument Paragraph(string text, double size = 12, bool bold = false, bool italic = false,
        PaperAlign align = PaperAlign.Left, double indent = 0, double spaceAfter = 4)
    {
        var font = Font(size, bold, italic);
        foreach (var line in Wrap(text, font, Width - indent))
        {
            var height = font.GetHeight();
            EnsureRoom(height);
            Draw(line, font, Left + indent, _y, Width - indent, align);
            _y += height;
        }
        _y += spaceAfter;
        return this;
    }

    public PaperDocument Heading(string text, double size = 14) => Paragraph(text, size, bold: true, align: PaperAlign.Center, spaceAfter: 6);

    /// <summary>Continues on a new page (an annex starts on its own).</summary>
    public PaperDocument PageBreak()
    {
        NewPage();
        return this;
    }

    public PaperDocument Space(double points = 8)
    {
        _y += points;
        return this;
    }

    /// <summary>
    /// Two blocks side by side, each centred in its half: the issuing body and the national motto at the top of a
    /// decision, or a place and date beside a signature. Lines that start with <c>*</c> are bold.
    /// </summary>
    public PaperDocument Columns(IReadOnlyList<string> left, IReadOnlyList<string> right, double size = 12, double leftShare = 0.42)
    {
        var leftWidth = Width * leftShare;
        var rightWidth = Width - leftWidth;
        var leftLines = Lines(left, size, leftWidth);
        var rightLines = Lines(right, size, rightWidth);
        var height = Math.Max(leftLines.Sum(l => l.Font.GetHeight()), rightLines.Sum(l => l.Font.GetHeight()));
        EnsureRoom(height);
        DrawLines(leftLines, Left, leftWidth);
        DrawLines(rightLines, Left + leftWidth, rightWidth);
        _y += height + 6;
        return this;
    }

    /// <summary>
    /// A table with a header row (repeated on each page it runs onto) and the rows given; the columns' widths are
    /// shares of the page's width. Rows listed in <paramref name="boldRows"/> (by index) print bold, as totals do.
    /// </summary>
    public PaperDocument Table(IReadOnlyList<PaperColumn> columns, IEnumerable<IReadOnlyList<string>> rows, double size = 10,
        IReadOnlySet<int>? boldRows = null)
    {
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => Width * c.Width / total).ToArray();
        var header = columns.Select(c => c.Heading).ToList();
        DrawRow(columns, widths, header, Font(size, bold: true, italic: false), header: true, keepWithNext: true);
        var index = 0;
        foreach (var row in rows)
        {
            var font = Font(size, bold: boldRows?.Contains(index) == true, italic: false);
            if (DrawRow(columns, widths, row, font, header: false, keepWithNext: false))
            {
                DrawRow(columns, widths, header, Font(size, bold: true, italic: false), header: true, keepWithNext: true, afterBreak: true);
                DrawRow(columns, widths, row, font, header: false, keepWithNext: false);
            }
            index++;
        }
        _y += 8;
        return this;
    }

    /// <summary>The paper as PDF bytes, numbered "Trang n/m" at the foot of each page when it has more than one.</summary>
    public byte[] ToPdf()
    {
        _graphics.Dispose();
        var pages = _pdf.PageCount;
        if (pages > 1)
        {
            var font = Font(9, bold: false, italic: false);
            for (var i = 0; i < pages; i++)
            {
                using var graphics = XGraphics.FromPdfPage(_pdf.Pages[i], XGraphicsPdfPageOptions.Append);
                var size = graphics.PageSize;
                graphics.DrawString($"Trang {i + 1}/{pages}", font, XBrushes.Black,
                    new XRect(Left, size.Height - Bottom + 10, size.Width - Left - Right, font.GetHeight()), XStringFormats.TopCenter);
            }
        }
        using var stream = new MemoryStream();
        _pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose() => _pdf.Dispose();

    private static XFont Font(double size, bool bold, bool italic)
    {
        var style = (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        };
        return new XFont(PaperFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _pdf.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = _landscape ? PdfSharp.PageOrientation.Landscape : PdfSharp.PageOrientation.Portrait;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits above the bottom margin; true when it broke.</summary>
    private bool EnsureRoom(double height)
    {
        if (_y + height <= _graphics.PageSize.Height - Bottom || _y <= Top)
        {
            return false;
        }
        NewPage();
        return true;
    }

    /// <summary>Draws a row; true when the row did not fit and a new page was started instead (the caller repeats the header).</summary>
    private bool DrawRow(IReadOnlyList<PaperColumn> columns, double[] widths, IReadOnlyList<string> cells, XFont font, bool header,
        bool keepWithNext, bool afterBreak = false)
    {
        var wrapped = cells.Select((cell, i) => Wrap(cell, font, widths[i] - 2 * CellPadding)).ToList();
        var height = wrapped.Max(lines => lines.Count) * font.GetHeight() + 2 * CellPadding;
        var room = keepWithNext ? height * 2 : height;
        if (!afterBreak && EnsureRoom(room))
        {
            if (!header)
            {
                return true;
            }
        }
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var rect = new XRect(x, _y, widths[i], height);
            if (header)
            {
                _graphics.DrawRectangle(XBrushes.WhiteSmoke, rect);
            }
            _graphics.DrawRectangle(new XPen(XColors.Black, 0.5), rect);
            var lineY = _y + CellPadding;
            foreach (var line in wrapped[i])
            {
                Draw(line, font, x + CellPadding, lineY, widths[i] - 2 * CellPadding, header ? PaperAlign.Center : columns[i].Align);
                lineY += font.GetHeight();
            }
            x += widths[i];
        }
        _y += height;
        return false;
    }

    private List<(string Text, XFont Font)> Lines(IReadOnlyList<string> lines, double size, double width) =>
        [.. lines.SelectMany(line =>
        {
            var bold = line.StartsWith('*');
            var italic = line.StartsWith('_');
            var font = Font(size, bold, italic);
            return Wrap(bold || italic ? line[1..] : line, font, width).Select(text => (text, font));
        })];

    private void DrawLines(List<(string Text, XFont Font)> lines, double x, double width)
    {
        var y = _y;
        foreach (var (text, font) in lines)
        {
            Draw(text, font, x, y, width, PaperAlign.Center);
            y += font.GetHeight();
        }
    }

    private void Draw(string text, XFont font, double x, double y, double width, PaperAlign align)
    {
        var format = align switch
        {
            PaperAlign.Center => XStringFormats.TopCenter,
            PaperAlign.Right => XStringFormats.TopRight,
            _ => XStringFormats.TopLeft,
        };
        _graphics.DrawString(text, font, XBrushes.Black, new XRect(x, y, width, font.GetHeight()), format);
    }

    /// <summary>The text's lines within <paramref name="width"/>: broken between words, or inside a word too long for a line.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Normalize(NormalizationForm.FormC).Replace("\r", "").Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Measure(candidate, font) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                var rest = word;
                while (Measure(rest, font) > width && rest.Length > 1)
                {
                    var take = rest.Length - 1;
                    while (take > 1 && Measure(rest[..take], font) > width)
                    {
                        take--;
                    }
                    lines.Add(rest[..take]);
                    rest = rest[take..];
                }
                line.Append(rest);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    private double Measure(string text, XFont font) => _graphics.MeasureString(text, font).Width;
}
