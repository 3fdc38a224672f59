using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace KhuyenCong.TestSupport;

/// <summary>
/// What a reader sees in a PDF: its text as poppler's <c>pdftotext -layout</c> extracts it (Debian's poppler-utils,
/// which <c>./kc test</c> installs), so a test finds the printed names, amounts and dates as a person would copy them.
/// </summary>
public static partial class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kc-paper-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start (install poppler-utils).");
            var text = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {errors}");
            return text.Normalize(NormalizationForm.FormC);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Checks that <paramref name="response"/> is an inline PDF named <paramref name="fileName"/> and returns its text as
    /// one running text: every run of spaces and line breaks made one space, so that a sentence wrapped over two lines,
    /// or a table row, reads as printed.
    /// </summary>
    public static async Task<string> OfAsync(HttpResponseMessage response, string? fileName = null)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        if (fileName is not null)
        {
            Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        }
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(body, 0, 5));
        return Spaces().Replace(await ExtractAsync(body), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
