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
/// The Ministry's decisions on the province's national proposals in Reporting: the 2067 list (X asking 500 million, Y
/// asking 300 million, sent on 10 June 2066) and the Ministry's decisions (X approved for 400 million, Y not selected) are
/// projected into the national proposal facts, each once whatever the order and number of deliveries; the reconciliation
/// compares <c>nationalRequested</c> and <c>nationalApproved</c> with the owner, the Ministry report's national table
/// shows the Ministry's amount, and a rebuild from the ledger reproduces them.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class NationalProposalFactsTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const int Year = 2067;
    private const long Million = 1_000_000;
    private static readonly Guid List = Guid.NewGuid(), X = Guid.NewGuid(), Y = Guid.NewGuid();

    private FigureOwners _owners = null!;
    private ReportingHost _host = null!;

    /// <summary>What Proposals counts for 2067: the list's 800 million asked and the Ministry's 400 million approved.</summary>
    private static readonly YearFigure[] OwnerValues =
        [new(R.Proposals.NationalRequested, Year, 800 * Million), new(R.Proposals.NationalApproved, Year, 400 * Million)];

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

    private static readonly NationalSubmissionSent Sent = new()
    {
        SubmissionId = List, PlanYear = Year, DispatchNumber = "512/SCT-QLCN", SentOn = new DateOnly(Year - 1, 6, 10), IsLate = false,
        SentAt = new DateTimeOffset(Year - 1, 6, 10, 3, 0, 0, TimeSpan.Zero), ActedBy = "Nguyễn Văn An",
        Proposals =
        [
            new NationalProposalSent { ProposalId = X, Code = "KCQG-2067-001", ContentGroup = ContentGroup.TypicalProducts, District = Scenario.HaLong, RequestedSupport = 500 * Million },
            new NationalProposalSent { ProposalId = Y, Code = "KCQG-2067-002", ContentGroup = ContentGroup.TechnicalDemonstration, District = Scenario.DongTrieu, RequestedSupport = 300 * Million },
        ],
    };

    private static NationalDecisionRecorded Decision(Guid proposal, string code, string outcome, long? approved) => new()
    {
        SubmissionId = List, PlanYear = Year, ProposalId = proposal, Code = code, Outcome = outcome, ApprovedSupport = approved,
        DecisionNumber = "1234/QĐ-BCT", DecisionDate = new DateOnly(Year - 1, 12, 20), RecordedAt = new DateTimeOffset(Year - 1, 12, 22, 3, 0, 0, TimeSpan.Zero),
        RecordedBy = "Nguyễn Văn An",
    };

    private static readonly NationalDecisionRecorded ApprovedX = Decision(X, "KCQG-2067-001", NationalDecisionRecorded.Approved, 400 * Million);
    private static readonly NationalDecisionRecorded NotSelectedY = Decision(Y, "KCQG-2067-002", NationalDecisionRecorded.NotSelected, null);

    /// <summary>X and Y filed, so the report's national table lists them.</summary>
    private static IEnumerable<object> Filed() =>
    [
        new ProposalSubmitted
        {
            ProposalId = X, IsLate = false, SubmittedAt = Sent.SentAt.AddDays(-30),
            Proposal = Scenario.Profile("KCQG-2067-001", Year, Scenario.HaLong, FundingSource.National, ContentGroup.TypicalProducts, Sector.Ceramics, ["A"],
                500 * Million, 700 * Million, 0),
        },
        new ProposalSubmitted
        {
            ProposalId = Y, IsLate = false, SubmittedAt = Sent.SentAt.AddDays(-30),
            Proposal = Scenario.Profile("KCQG-2067-002", Year, Scenario.DongTrieu, FundingSource.National, ContentGroup.TechnicalDemonstration,
                Sector.BuildingMaterials, ["B"], 300 * Million, 600 * Million, 0),
        },
    ];

    /// <summary>The decisions before their list, each delivered twice with one message id.</summary>
    private async Task DeliverAsync()
    {
        await _host.PublishTwiceAsync([ApprovedX, NotSelectedY, Sent, .. Filed()]);
        await _host.DrainAsync();
    }

    private Task<List<Domain.NationalProposalFact>> FactsAsync() => _host.WithDbAsync(db => db.NationalProposals.AsNoTracking().OrderBy(f => f.Code).ToListAsync());

    private static void AssertFacts(List<Domain.NationalProposalFact> facts)
    {
        Assert.Equal(2, facts.Count);
        var (x, y) = (facts[0], facts[1]);
        Assert.Equal((X, List, Year, "KCQG-2067-001", (int)ContentGroup.TypicalProducts, Scenario.HaLong, (long?)500 * Million),
            (x.ProposalId, x.SubmissionId, x.PlanYear, x.Code, x.ContentGroup, x.District, x.RequestedSupport));
        Assert.Equal(("512/SCT-QLCN", (DateOnly?)new DateOnly(Year - 1, 6, 10), false), (x.DispatchNumber, x.SentOn, x.SentLate));
        Assert.Equal(("Approved", (long?)400 * Million, "1234/QĐ-BCT", (DateOnly?)new DateOnly(Year - 1, 12, 20)),
            (x.Outcome, x.ApprovedSupport, x.DecisionNumber, x.DecisionDate));
        Assert.Equal(((long?)300 * Million, "NotSelected", (long?)null, "512/SCT-QLCN"), (y.RequestedSupport, y.Outcome, y.ApprovedSupport, y.DispatchNumber));
    }

    private Task<JsonElement> ReportAsync(string query) => _host.GetJsonAsync($"/api/reports/ministry?{query}");

    [Fact]
    public async Task Decisions_arriving_before_their_list_end_with_the_list_and_the_decisions_each_counted_once()
    {
        await DeliverAsync();

        AssertFacts(await FactsAsync());
    }

    [Fact]
    public async Task The_list_arriving_first_ends_the_same()
    {
        await _host.PublishTwiceAsync([Sent]);
        await _host.DrainAsync();
        var awaiting = await FactsAsync();
        Assert.All(awaiting, f => Assert.Null(f.Outcome));
        Assert.Equal(800 * Million, awaiting.Sum(f => f.RequestedSupport));

        await _host.PublishTwiceAsync([NotSelectedY, ApprovedX]);
        await _host.DrainAsync();

        AssertFacts(await FactsAsync());
    }

    [Fact]
    public async Task The_same_events_published_again_under_new_message_ids_change_nothing()
    {
        await DeliverAsync();
        var before = await _host.ReadModelsAsync();

        // As a republication (the backfill after a live publication) would: every delivery with a message id of its own.
        await _host.PublishTwiceAsync([.. Enumerable.Repeat<object>(Sent, 3), .. Enumerable.Repeat<object>(ApprovedX, 3), NotSelectedY]);
        await _host.DrainAsync();

        var after = await _host.ReadModelsAsync();
        Assert.Equal(before["national_proposal_facts"], after["national_proposal_facts"]);
        AssertFacts(await FactsAsync());
    }

    [Fact]
    public async Task The_reconciliation_compares_the_national_figures_with_the_owner()
    {
        await DeliverAsync();

        var report = await _host.ClientAs(TestUser.Admin).GetFromJsonAsync<JsonElement>($"/api/reports/reconciliation?fromYear={Year - 1}&toYear={Year}");

        var differences = report.GetProperty("differences").EnumerateArray().Select(d => d.ToString()).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        var national = report.GetProperty("figures").EnumerateArray()
            .Where(f => f.GetProperty("area").GetString() == "proposals" && f.GetProperty("figure").GetString()!.StartsWith("national", StringComparison.Ordinal))
            .ToDictionary(f => (f.GetProperty("figure").GetString(), f.GetProperty("year").GetInt32()), f => (f.GetProperty("owner").GetInt64(), f.GetProperty("reporting").GetInt64()));
        Assert.Equal((800 * Million, 800 * Million), national[(R.Proposals.NationalRequested, Year)]);
        Assert.Equal((400 * Million, 400 * Million), national[(R.Proposals.NationalApproved, Year)]);
        Assert.Equal((0L, 0L), national[(R.Proposals.NationalApproved, Year - 1)]);
    }

    [Fact]
    public async Task A_decision_Reporting_has_not_received_shows_as_a_national_approved_difference()
    {
        await _host.PublishTwiceAsync([Sent, NotSelectedY]);
        await _host.DrainAsync();

        var report = await _host.ClientAs(TestUser.Admin).GetFromJsonAsync<JsonElement>($"/api/reports/reconciliation?fromYear={Year}&toYear={Year}");

        var difference = Assert.Single(report.GetProperty("differences").EnumerateArray());
        Assert.Equal(R.Proposals.NationalApproved, difference.GetProperty("figure").GetString());
        Assert.Equal(-400 * Million, difference.GetProperty("difference").GetInt64());
    }

    [Fact]
    public async Task A_rebuild_from_the_ledger_reproduces_the_national_proposal_facts()
    {
        await DeliverAsync();
        var live = await _host.ReadModelsAsync();
        var before = (await ReportAsync($"year={Year}&period=year")).ToString();

        using var rebuilt = await _host.ClientAs(TestUser.Admin).PostAsync("/api/reports/admin/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        var result = await rebuilt.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("nationalProposals").GetInt32());
        Assert.Equal(1, result.GetProperty("eventsByType").GetProperty(nameof(NationalSubmissionSent)).GetInt32());
        Assert.Equal(2, result.GetProperty("eventsByType").GetProperty(nameof(NationalDecisionRecorded)).GetInt32());
        var replayed = await _host.ReadModelsAsync();
        Assert.False(string.IsNullOrEmpty(live["national_proposal_facts"]));
        Assert.True(live["national_proposal_facts"] == replayed["national_proposal_facts"],
            $"national_proposal_facts differs after the rebuild:\nlive:\n{live["national_proposal_facts"]}\nrebuilt:\n{replayed["national_proposal_facts"]}");
        Assert.Equal(before, (await ReportAsync($"year={Year}&period=year")).ToString());
    }

    [Fact]
    public async Task The_national_table_shows_what_the_Ministry_approved_with_the_header_and_signature_kept()
    {
        await DeliverAsync();

        var report = await ReportAsync($"year={Year}&period=year");
        var national = report.GetProperty("nationalProposals").EnumerateArray().ToList();
        Assert.Equal(["KCQG-2067-001", "KCQG-2067-002"], national.Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(400 * Million, national[0].GetProperty("approvedSupport").GetInt64());
        Assert.Equal(JsonValueKind.Null, national[1].GetProperty("approvedSupport").ValueKind);

        using var response = await _host.Client.GetAsync($"/api/reports/ministry?year={Year}&period=year&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = xlsx.Query(useHeaderRow: false, sheetName: "Mẫu số 2").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rows[0]["F"]);
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", rows[1]["F"]);
        Assert.Contains(rows, r => r["F"] as string == "GIÁM ĐỐC");
        Assert.Contains(rows, r => r["F"] as string == "(Ký, ghi rõ họ tên, đóng dấu)");
        var headers = rows.FindIndex(r => r["A"] as string == "STT");
        Assert.Equal("Kinh phí khuyến công quốc gia được duyệt", rows[headers]["H"]);
        long? Cell(int row, string column) => rows[row][column] is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
        Assert.Equal(((long?)400 * Million, (long?)null, (long?)400 * Million), (Cell(headers + 1, "H"), Cell(headers + 2, "H"), Cell(headers + 3, "H")));
        Assert.Contains(rows, r => (r["B"] as string)?.StartsWith("Kinh phí khuyến công quốc gia được duyệt: theo quyết định của Bộ Công Thương", StringComparison.Ordinal) == true);
    }
}
