using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit;
using R = KhuyenCong.Contracts.Reconciliation.ReconciledFigures;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// Approved annual plans in Reporting: the versions of the 2025 plans (the local plan of 10 February, 500 million,
/// revised on 1 July to 600 million; the national plan of 1 March, 400 million) are projected into the plan facts,
/// each once whatever the deliveries, the plan in force being each plan's highest version; the Ministry report
/// shows them as the planned figure ("Kế hoạch") next to the actual, the reconciliation as <c>planned</c>, and a
/// rebuild from the ledger reproduces them.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AnnualPlanFactsTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const long Million = 1_000_000;
    private static readonly Guid LocalPlan = Guid.NewGuid(), NationalPlan = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private FigureOwners _owners = null!;
    private ReportingHost _host = null!;

    /// <summary>What Proposals counts for 2025: the plans in force only (600 + 400 million), nothing else.</summary>
    private static readonly YearFigure[] OwnerValues = [new(R.Proposals.Planned, 2025, 1_000 * Million)];

    public async Task InitializeAsync()
    {
        _owners = await FigureOwners.StartAsync(OwnerValues);
        _host = new ReportingHost(postgres, rabbit, _owners.Settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _owners.DisposeAsync();
    }

    private static AnnualPlanItem Item(Guid id, string code, ContentGroup group, string district, long support) => new()
    {
        ProposalId = id, Code = code, ContentGroup = group, District = district, PlannedSupport = support,
    };

    private static AnnualPlanApproved Version(Guid plan, FundingSource source, int number, DateOnly decidedOn, params AnnualPlanItem[] items) => new()
    {
        PlanId = plan, PlanYear = 2025, FundingSource = source, VersionNumber = number, DecisionNumber = $"{decidedOn.DayOfYear}/QĐ-UBND",
        DecisionDate = decidedOn, ApprovedAt = new DateTimeOffset(decidedOn, new TimeOnly(3, 0), TimeSpan.Zero), Items = items, ActedBy = "Nguyễn Văn An",
    };

    /// <summary>The local plan: A (300) and B (200 million).</summary>
    private static readonly AnnualPlanApproved LocalV1 = Version(LocalPlan, FundingSource.Local, 1, new DateOnly(2025, 2, 10),
        Item(A, "KCĐP-2025-001", ContentGroup.TechnicalDemonstration, Scenario.HaLong, 300 * Million),
        Item(B, "KCĐP-2025-002", ContentGroup.VocationalTraining, Scenario.DongTrieu, 200 * Million));

    /// <summary>Its revision: A cut to 250, C (150 million) added, B kept: 600 million.</summary>
    private static readonly AnnualPlanApproved LocalV2 = Version(LocalPlan, FundingSource.Local, 2, new DateOnly(2025, 7, 1),
        Item(A, "KCĐP-2025-001", ContentGroup.TechnicalDemonstration, Scenario.HaLong, 250 * Million),
        Item(C, "KCĐP-2025-003", ContentGroup.TypicalProducts, Scenario.DongTrieu, 150 * Million),
        Item(B, "KCĐP-2025-002", ContentGroup.VocationalTraining, Scenario.DongTrieu, 200 * Million));

    private static readonly AnnualPlanApproved NationalV1 = Version(NationalPlan, FundingSource.National, 1, new DateOnly(2025, 3, 1),
        Item(D, "KCQG-2025-001", ContentGroup.TypicalProducts, Scenario.HaLong, 400 * Million));

    /// <summary>Newest first, each twice with one message id.</summary>
    private async Task DeliverAsync()
    {
        await _host.PublishTwiceAsync([NationalV1, LocalV2, LocalV1]);
        await _host.DrainAsync();
    }

    private Task<(int Versions, int Items)> CountsAsync() => _host.WithDbAsync(async db =>
        (await db.PlanVersions.CountAsync(), await db.PlanItems.CountAsync()));

    private Task<JsonElement> ReportAsync(string query) => _host.GetJsonAsync($"/api/reports/ministry?{query}");

    private static long? Planned(JsonElement line) =>
        line.GetProperty("figures").GetProperty("planned") is { ValueKind: JsonValueKind.Number } planned ? planned.GetInt64() : null;

    private static JsonElement Line(JsonElement report, string table, string key) =>
        report.GetProperty(table).EnumerateArray().Single(l => l.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Each_version_delivered_twice_and_newest_first_is_written_once_and_the_highest_is_the_plan_in_force()
    {
        await DeliverAsync();

        Assert.Equal((3, 6), await CountsAsync());
        var versions = await _host.WithDbAsync(db => db.PlanVersions.OrderBy(v => v.PlanId == LocalPlan).ThenBy(v => v.VersionNumber).ToListAsync());
        Assert.Equal([400 * Million, 500 * Million, 600 * Million], versions.Select(v => v.PlannedSupport));
        Assert.Equal([1, 2, 3], versions.Select(v => v.Items));
        Assert.Equal("182/QĐ-UBND", versions[2].DecisionNumber);

        var year = await ReportAsync("year=2025&period=year");
        Assert.Equal(600 * Million, Planned(Line(year, "bySource", "Local")));
        Assert.Equal(400 * Million, Planned(Line(year, "bySource", "National")));
        Assert.Equal(1_000 * Million, Planned(year.GetProperty("total")));
        Assert.Equal(250 * Million, Planned(Line(year, "byContentGroup", nameof(ContentGroup.TechnicalDemonstration))));
        Assert.Equal(550 * Million, Planned(Line(year, "byContentGroup", nameof(ContentGroup.TypicalProducts))));
        Assert.Equal(350 * Million, Planned(Line(year, "byDistrict", Scenario.DongTrieu)));
        Assert.Equal(650 * Million, Planned(Line(year, "byDistrict", Scenario.HaLong)));
        // A plan without approvals yet: the actual figures stay empty beside it.
        Assert.Equal(0, Line(year, "bySource", "Local").GetProperty("figures").GetProperty("committed").GetInt64());
    }

    [Fact]
    public async Task A_period_counts_the_version_decided_by_its_end()
    {
        await DeliverAsync();

        var q1 = await ReportAsync("year=2025&period=q1");
        var h1 = await ReportAsync("year=2025&period=h1&source=Local");
        var q3 = await ReportAsync("year=2025&period=q3&source=Local");

        Assert.Equal(500 * Million, Planned(Line(q1, "bySource", "Local")));
        Assert.Equal(400 * Million, Planned(Line(q1, "bySource", "National")));
        Assert.Equal(500 * Million, Planned(h1.GetProperty("total")));
        // C enters the plan with the revision of 1 July: its content group has no line before.
        Assert.Equal(200 * Million, Planned(Line(h1, "byContentGroup", nameof(ContentGroup.VocationalTraining))));
        Assert.DoesNotContain(h1.GetProperty("byContentGroup").EnumerateArray(), l => l.GetProperty("key").GetString() == nameof(ContentGroup.TypicalProducts));
        Assert.Equal(600 * Million, Planned(q3.GetProperty("total")));
    }

    [Fact]
    public async Task An_older_version_arriving_after_a_newer_one_does_not_replace_it()
    {
        await _host.PublishTwiceAsync([LocalV2]);
        await _host.DrainAsync();
        await _host.PublishTwiceAsync([LocalV1]);
        await _host.DrainAsync();

        Assert.Equal((2, 5), await CountsAsync());
        var report = await ReportAsync("year=2025&period=year&source=Local");
        Assert.Equal(600 * Million, Planned(report.GetProperty("total")));
        Assert.Equal(250 * Million, Planned(Line(report, "byContentGroup", nameof(ContentGroup.TechnicalDemonstration))));
    }

    [Fact]
    public async Task A_version_published_again_under_new_message_ids_changes_nothing()
    {
        await DeliverAsync();
        var before = await _host.ReadModelsAsync();

        // As a republication would: the same versions, five times each, every delivery with a message id of its own.
        await _host.PublishTwiceAsync([.. Enumerable.Repeat<object>(LocalV2, 5), .. Enumerable.Repeat<object>(LocalV1, 5)]);
        await _host.DrainAsync();

        Assert.Equal((3, 6), await CountsAsync());
        var after = await _host.ReadModelsAsync();
        Assert.Equal(before["plan_version_facts"], after["plan_version_facts"]);
        Assert.Equal(before["plan_item_facts"], after["plan_item_facts"]);
        Assert.Equal(1_000 * Million, Planned((await ReportAsync("year=2025&period=year")).GetProperty("total")));
    }

    [Fact]
    public async Task The_reconciliation_compares_the_planned_figure_with_the_owner()
    {
        await DeliverAsync();

        var report = await _host.ClientAs(TestUser.Admin).GetFromJsonAsync<JsonElement>("/api/reports/reconciliation?fromYear=2024&toYear=2025");

        var differences = report.GetProperty("differences").EnumerateArray().Select(d => d.ToString()).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        var planned = report.GetProperty("figures").EnumerateArray()
            .Where(f => f.GetProperty("area").GetString() == "proposals" && f.GetProperty("figure").GetString() == R.Proposals.Planned)
            .ToDictionary(f => f.GetProperty("year").GetInt32(), f => (f.GetProperty("owner").GetInt64(), f.GetProperty("reporting").GetInt64()));
        Assert.Equal((1_000 * Million, 1_000 * Million), planned[2025]);
        Assert.Equal((0L, 0L), planned[2024]);
    }

    [Fact]
    public async Task A_plan_Reporting_has_not_received_shows_as_a_planned_difference()
    {
        await _host.PublishTwiceAsync([LocalV1, LocalV2]);
        await _host.DrainAsync();

        var report = await _host.ClientAs(TestUser.Admin).GetFromJsonAsync<JsonElement>("/api/reports/reconciliation?fromYear=2025&toYear=2025");

        var difference = Assert.Single(report.GetProperty("differences").EnumerateArray());
        Assert.Equal(R.Proposals.Planned, difference.GetProperty("figure").GetString());
        Assert.Equal(-400 * Million, difference.GetProperty("difference").GetInt64());
    }

    [Fact]
    public async Task A_rebuild_from_the_ledger_reproduces_the_plan_facts()
    {
        await DeliverAsync();
        var live = await _host.ReadModelsAsync();
        var before = (await ReportAsync("year=2025&period=year")).ToString();

        using var rebuilt = await _host.ClientAs(TestUser.Admin).PostAsync("/api/reports/admin/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        var result = await rebuilt.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("planVersions").GetInt32());
        Assert.Equal(6, result.GetProperty("planItems").GetInt32());
        Assert.Equal(3, result.GetProperty("eventsByType").GetProperty(nameof(AnnualPlanApproved)).GetInt32());
        var replayed = await _host.ReadModelsAsync();
        foreach (var table in new[] { "plan_version_facts", "plan_item_facts" })
        {
            Assert.False(string.IsNullOrEmpty(live[table]));
            Assert.True(live[table] == replayed[table], $"{table} differs after the rebuild:\nlive:\n{live[table]}\nrebuilt:\n{replayed[table]}");
        }
        Assert.Equal(before, (await ReportAsync("year=2025&period=year")).ToString());
    }

    [Fact]
    public async Task The_spreadsheet_has_the_plan_column_beside_the_actual_with_the_header_and_signature_kept()
    {
        await DeliverAsync();

        using var response = await _host.Client.GetAsync("/api/reports/ministry?year=2025&period=year&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = xlsx.Query(useHeaderRow: false, sheetName: "Báo cáo").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rows[0]["F"]);
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", rows[1]["F"]);
        Assert.Contains(rows, r => r["F"] as string == "GIÁM ĐỐC");
        Assert.Contains(rows, r => r["F"] as string == "(Ký, ghi rõ họ tên, đóng dấu)");
        long? Cell(int row, string column) => rows[row][column] is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

        var sources = rows.FindIndex(r => (r["B"] as string)?.StartsWith("I. ", StringComparison.Ordinal) == true);
        Assert.Equal(("Dự toán được giao", "Kế hoạch (được phê duyệt)", "Đã cam kết (phê duyệt)"),
            (rows[sources + 1]["C"], rows[sources + 1]["D"], rows[sources + 1]["E"]));
        Assert.Equal("Khuyến công địa phương", rows[sources + 3]["B"]);
        Assert.Equal((400 * Million, 600 * Million, 1_000 * Million), (Cell(sources + 2, "D"), Cell(sources + 3, "D"), Cell(sources + 4, "D")));
        Assert.Equal(0, Cell(sources + 3, "E"));
        var districts = rows.FindIndex(r => (r["B"] as string)?.StartsWith("III. ", StringComparison.Ordinal) == true);
        Assert.Equal(Scenario.DongTrieu, rows[districts + 2]["B"]);
        Assert.Equal(350 * Million, Cell(districts + 2, "D"));
        Assert.Contains(rows, r => (r["B"] as string)?.StartsWith("- Kế hoạch: ", StringComparison.Ordinal) == true);
    }
}
