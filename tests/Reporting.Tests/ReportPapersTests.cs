using System.Net;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// The leaders' brief and any report as printable PDF, over the scenario's read models, read back as a leader reads
/// them: the figures of the JSON report with amounts printed "1.234.567" and the leverage in words.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ReportPapersTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly object Gate = new();
    private static Task<ReportingHost>? _shared;
    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        lock (Gate)
        {
            _shared ??= PublishScenarioAsync(postgres, rabbit);
        }
        _host = await _shared;
    }

    private static async Task<ReportingHost> PublishScenarioAsync(PostgresServer postgres, RabbitMqServer rabbit)
    {
        var host = new ReportingHost(postgres, rabbit);
        await host.PublishTwiceAsync(Scenario.Events);
        await host.DrainAsync();
        return host;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_leaders_brief_prints_the_headline_figures_the_leverage_in_words_jobs_wages_and_the_yearly_table()
    {
        var text = await PdfText.OfAsync(await _host.Client.GetAsync("/api/reports/brief"), "bao-cao-tom-tat.pdf");

        Assert.Contains("BÁO CÁO TÓM TẮT CHƯƠNG TRÌNH KHUYẾN CÔNG", text);
        Assert.Contains("Toàn bộ các năm", text);
        Assert.Contains("1 đồng hỗ trợ thu hút 3,33 đồng vốn đầu tư của cơ sở", text);
        Assert.Contains("Số đề án được phê duyệt 2", text);
        Assert.Contains("Kinh phí khuyến công được phê duyệt (đồng) 3.000.000.000", text);
        Assert.Contains("Vốn đối ứng của cơ sở (đồng) 10.000.000.000", text);
        Assert.Contains("Số lao động có việc làm 30", text);
        Assert.Contains("Thu nhập bình quân (đồng/người/tháng) 7.000.000", text);
        Assert.Contains("Năm Số đề án Kinh phí khuyến công", text);
        Assert.Contains("2017 1 1.000.000.000 7.000.000.000 7 đồng 2018 1 2.000.000.000 3.000.000.000 1,5 đồng", text);
        Assert.Contains("Tổng cộng 2 3.000.000.000 10.000.000.000 3,33 đồng", text);
        Assert.Contains("In ngày ", text);
    }

    [Fact]
    public async Task A_report_prints_as_a_pdf_table_with_its_vietnamese_headers_groups_and_total()
    {
        var text = await PdfText.OfAsync(await _host.Client.GetAsync("/api/reports/outcomes?groupBy=district&format=pdf"), "bao-cao-outcomes.pdf");

        Assert.Contains("Số lao động có việc làm", text);
        Assert.Contains(Scenario.DongTrieu, text);
        Assert.Contains(Scenario.HaLong, text);
        Assert.Contains("Tổng cộng 2 30 7.000.000", text);
    }

    [Fact]
    public async Task The_papers_are_for_those_who_read_reports_and_a_reversed_period_is_refused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.ClientAs(TestUser.Establishment("5700100256")).GetAsync("/api/reports/brief")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.ClientAs(TestUser.Establishment("5700100256")).GetAsync("/api/reports/proposals?format=pdf")).StatusCode);
        await Answers.AssertProblemAsync(await _host.Client.GetAsync("/api/reports/brief?fromYear=2020&toYear=2019"), HttpStatusCode.BadRequest, "/errors/validation");
    }
}
