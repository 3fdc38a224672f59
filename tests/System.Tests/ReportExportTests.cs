using System.Diagnostics;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

/// <summary>The spreadsheet a leader downloads opens in a spreadsheet program (LibreOffice, headless) with the demo figures.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportExportTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_2014_2020_proposals_export_opens_in_LibreOffice_with_the_published_figures()
    {
        await platform.DemoDataLoadedAsync();
        const string query = "/api/reports/proposals?fromYear=2014&toYear=2020&groupBy=year";
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
            (await platform.Gateway.GetStringAsync(query)).Contains("\"stateSupport\":14953000000", StringComparison.Ordinal)));

        var work = Directory.CreateTempSubdirectory("kc-export-");
        var xlsx = Path.Combine(work.FullName, "de-an-2014-2020.xlsx");
        await File.WriteAllBytesAsync(xlsx, await platform.Gateway.GetByteArrayAsync($"{query}&format=xlsx"));

        var csv = await ConvertToCsvAsync(xlsx, work.FullName);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(';')).ToList();
        var header = lines[0].ToList();
        var support = header.FindIndex(h => h.Contains("Kinh phí khuyến công được phê duyệt", StringComparison.Ordinal));
        Assert.True(support >= 0, $"no state-support column in {string.Join(" | ", header)}");
        Assert.Equal(Enumerable.Range(2014, 7).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            lines.Skip(1).Select(l => l[0].Trim('"')).Where(c => c.StartsWith("20", StringComparison.Ordinal)));
        var total = lines.Single(l => l[0].Trim('"') == "Tổng cộng");
        Assert.Equal(14_953_000_000, long.Parse(new string(total[support].Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_rebuild_from_the_ledger_gives_the_same_2014_2020_answers()
    {
        await platform.DemoDataLoadedAsync();
        string[] queries =
        [
            "/api/reports/summary?fromYear=2014&toYear=2020",
            "/api/reports/proposals?fromYear=2014&toYear=2020&groupBy=district,contentGroup",
            "/api/reports/outcomes?fromYear=2014&toYear=2020&groupBy=year",
        ];
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
            (await platform.Gateway.GetStringAsync(queries[0])).Contains("\"proposals\":115", StringComparison.Ordinal)));
        var before = await Task.WhenAll(queries.Select(q => platform.Gateway.GetStringAsync(q)));

        var rebuild = await platform.Gateway.PostAsync("/api/reports/admin/rebuild", null);

        Assert.Equal(System.Net.HttpStatusCode.OK, rebuild.StatusCode);
        var after = await Task.WhenAll(queries.Select(q => platform.Gateway.GetStringAsync(q)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_2017_report_to_the_Ministry_opens_in_LibreOffice_with_its_header_and_the_figures_the_service_answers()
    {
        await platform.DemoDataLoadedAsync();
        const string query = "/api/reports/ministry?year=2017&period=year";
        long committed = 0;
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
        {
            using var report = System.Text.Json.JsonDocument.Parse(await platform.Gateway.GetStringAsync(query));
            committed = report.RootElement.GetProperty("total").GetProperty("figures").GetProperty("committed").GetInt64();
            return committed > 0;
        }));

        var work = Directory.CreateTempSubdirectory("kc-ministry-");
        var xlsx = Path.Combine(work.FullName, "bao-cao-bo-2017.xlsx");
        await File.WriteAllBytesAsync(xlsx, await platform.Gateway.GetByteArrayAsync($"{query}&format=xlsx"));

        var csv = await ConvertToCsvAsync(xlsx, work.FullName);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(';').Select(c => c.Trim('"')).ToArray()).ToList();
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", lines[0]);
        Assert.Contains(lines, l => l.Length > 1 && l[1].StartsWith("Kính gửi: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("GIÁM ĐỐC"));
        var total = lines.First(l => l.Length > 3 && l[1] == "Tổng cộng");
        Assert.Equal(committed, long.Parse(new string(total[3].Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> ConvertToCsvAsync(string xlsx, string outDir)
    {
        var start = new ProcessStartInfo("soffice")
        {
            // Field separator ";", text delimiter '"', UTF-8 (76); a private profile so parallel runs do not collide.
            ArgumentList = { $"-env:UserInstallation=file://{outDir}/profile", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76", "--outdir", outDir, xlsx },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var soffice = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await soffice.WaitForExitAsync(timeout.Token);
        Assert.True(soffice.ExitCode == 0, await soffice.StandardError.ReadToEndAsync());
        return await File.ReadAllTextAsync(Path.ChangeExtension(xlsx, ".csv"), Encoding.UTF8);
    }
}
