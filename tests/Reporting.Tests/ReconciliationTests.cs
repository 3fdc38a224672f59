using System.Net;
using System.Text.Json;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.Reporting.Reconciliation;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

public sealed class FiguresReconciliationTests
{
    private static readonly DateTimeOffset CheckedAt = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static OwnerFigures Figures(params (string Figure, int Year, long Value)[] values) =>
        OwnerFigures.For(2024, 2025, ["approvedProposals", "approvedSupport"], values.Select(v => new YearFigure(v.Figure, v.Year, v.Value)));

    [Fact]
    public void Figures_that_agree_list_no_differences()
    {
        var same = Figures(("approvedProposals", 2024, 3), ("approvedSupport", 2024, 900_000_000), ("approvedProposals", 2025, 1));

        var report = FiguresReconciliation.Compare(2024, 2025, CheckedAt, [new AreaFigures("proposals", same, same)]);

        Assert.Equal(4, report.Figures.Count);
        Assert.Empty(report.Differences);
        Assert.All(report.Figures, f => Assert.Equal(0, f.Difference));
    }

    [Fact]
    public void A_difference_is_listed_with_both_values()
    {
        var owner = Figures(("approvedProposals", 2024, 3), ("approvedSupport", 2024, 900_000_000));
        var reporting = Figures(("approvedProposals", 2024, 3), ("approvedSupport", 2024, 600_000_000));

        var report = FiguresReconciliation.Compare(2024, 2025, CheckedAt, [new AreaFigures("proposals", owner, reporting)]);

        var difference = Assert.Single(report.Differences);
        Assert.Equal(new ReconciledFigure("proposals", "approvedSupport", 2024, 900_000_000, 600_000_000, -300_000_000), difference);
        Assert.Equal(4, report.Figures.Count);
    }

    [Fact]
    public void A_figure_only_one_side_names_counts_as_zero_on_the_other()
    {
        var owner = new OwnerFigures(2024, 2024, [new YearFigure("courses", 2024, 2)]);
        var reporting = new OwnerFigures(2024, 2024, [new YearFigure("coursesCompleted", 2024, 1)]);

        var report = FiguresReconciliation.Compare(2024, 2024, CheckedAt, [new AreaFigures("training", owner, reporting)]);

        Assert.Equal(
            [new ReconciledFigure("training", "courses", 2024, 2, 0, -2), new ReconciledFigure("training", "coursesCompleted", 2024, 0, 1, 1)],
            report.Differences);
    }
}

/// <summary>The reconciliation endpoint: Admin only, and 503 when an owning service cannot be reached.</summary>
[Collection(ServersCollection.Name)]
public sealed class ReconciliationApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    // Nothing listens on the discard port of the loopback address: the connection is refused at once.
    private const string Unreachable = "http://127.0.0.1:9";
    private ReportingHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ReportingHost(postgres, rabbit,
            ("Reporting:Owners:proposals", Unreachable), ("Reporting:Owners:training", Unreachable),
            ("Reporting:Owners:fairs", Unreachable), ("Reporting:Owners:products", Unreachable));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_unreachable_owner_is_answered_503_with_retry_after_naming_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/reconciliation?fromYear=2024&toYear=2025");
        request.Headers.Add("Accept-Language", "en");
        using var response = await _host.ClientAs(TestUser.Admin).SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/errors/owner-unavailable", problem.GetProperty("type").GetString());
        Assert.Contains("proposals", problem.GetProperty("detail").GetString());
        Assert.Equal(["proposals", "training", "fairs", "products"],
            problem.GetProperty("unavailable").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task An_unreachable_owner_is_named_in_Vietnamese_by_default()
    {
        using var response = await _host.ClientAs(TestUser.Admin).GetAsync("/api/reports/reconciliation?fromYear=2024&toYear=2025");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Không liên lạc được với dịch vụ giữ số liệu gốc", problem.GetProperty("title").GetString());
        Assert.Equal("Không liên lạc được với dịch vụ Đề án, Đào tạo, Hội chợ, Sản phẩm; hãy thử lại sau ít phút.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bad_range_is_answered_400()
    {
        using var response = await _host.ClientAs(TestUser.Admin).GetAsync("/api/reports/reconciliation?fromYear=2025&toYear=2024");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Officer")]
    [InlineData("Leader")]
    [InlineData("DistrictOfficer")]
    [InlineData("Appraiser")]
    [InlineData("Establishment")]
    public async Task Only_an_administrator_reconciles(string role)
    {
        using var response = await _host.ClientAs(new TestUser(role, TaxCode: "5700100001", UnitCode: "dong-trieu"))
            .GetAsync("/api/reports/reconciliation?fromYear=2024&toYear=2025");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
