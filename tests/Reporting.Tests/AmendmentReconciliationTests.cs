using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Xunit;
using R = KhuyenCong.Contracts.Reconciliation.ReconciledFigures;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// After amendments and refunds, Reporting's figures agree with the owner's: the events of two proposals
/// (one amended twice and settled with a refund, one amended, cancelled after an advance and partly
/// refunded) are delivered newest first and twice, and the reconciliation against the figures Proposals
/// counts for them (FiguresApi's definitions, worked out below) shows no difference.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AmendmentReconciliationTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const long Million = 1_000_000;
    private static readonly Guid Settled = Guid.NewGuid(), Cancelled = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2024, 6, 1, 3, 0, 0, TimeSpan.Zero);

    private FigureOwners _owners = null!;
    private ReportingHost _host = null!;

    /// <summary>
    /// What Proposals counts for plan year 2024: only the settled proposal is approved (the other is cancelled),
    /// with its amended budget (180 + 800 million) and support; both proposals' advances (126 + 140 million)
    /// and refunds (20 + 100 million); outstanding only the cancelled one's unrefunded 40 million.
    /// </summary>
    private static readonly YearFigure[] OwnerValues =
    [
        new(R.Proposals.Approved, 2024, 1), new(R.Proposals.TotalBudget, 2024, 980 * Million), new(R.Proposals.ApprovedSupport, 2024, 180 * Million),
        new(R.Proposals.OwnCapital, 2024, 800 * Million), new(R.Proposals.Accepted, 2024, 1), new(R.Proposals.SupportUsed, 2024, 100 * Million),
        new(R.Proposals.AdvancesPaid, 2024, 266 * Million), new(R.Proposals.AdvancesOutstanding, 2024, 40 * Million), new(R.Proposals.Refunded, 2024, 120 * Million),
    ];

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

    private static ProposalProfile Profile(string code, long support, long own, int revision) => new()
    {
        Code = code,
        Title = "Ứng dụng máy móc tiên tiến",
        FundingSource = FundingSource.Local,
        PlanYear = 2024,
        ContentGroup = ContentGroup.TechnicalDemonstration,
        ImplementingUnit = "Trung tâm Khuyến công",
        EstablishmentTaxCodes = ["5700100256"],
        Sector = Sector.Ceramics,
        AdministrativeUnitCode = "dong-trieu",
        District = "Đông Triều",
        Location = "Đông Triều",
        IsPriorityArea = false,
        TotalBudget = support + own,
        StateSupport = support,
        OwnCapital = own,
        OtherSources = 0,
        ExpectedJobs = 10,
        ExpectedAverageWage = 6_000_000,
        Revision = revision,
    };

    private static ProposalAmended Amendment(Guid id, ProposalProfile profile, int revision, long before, long after, long advances) => new()
    {
        ProposalId = id, Proposal = profile, Revision = revision, DecisionNumber = $"{revision}/QĐ-SCT", DecisionDate = new DateOnly(2024, 5, revision),
        Reason = "Điều chỉnh", PreviousApprovedSupport = before, ApprovedSupport = after, AdvancesPaid = advances, AmendedAt = At,
    };

    /// <summary>The events in the order Proposals publishes them.</summary>
    private static IEnumerable<object> History()
    {
        // Approved 200 million of 300 + 700, advanced 126, amended to 180 (budget 180 + 700), then own capital to 800;
        // accepted with 100 million used, settled at 100, 20 of the 26 million paid above it refunded.
        var s0 = Profile("KCĐP-2024-001", 300 * Million, 700 * Million, 0);
        var s1 = Profile("KCĐP-2024-001", 180 * Million, 700 * Million, 1);
        var s2 = Profile("KCĐP-2024-001", 180 * Million, 800 * Million, 2);
        yield return new ProposalApproved { ProposalId = Settled, Proposal = s0, ApprovedSupport = 200 * Million, DecisionNumber = "15/QĐ-SCT", DecisionDate = new DateOnly(2024, 1, 15), AppraisalScore = 80, ApprovedAt = At };
        yield return new AdvancePaid { ProposalId = Settled, Code = s0.Code, PaymentId = Guid.NewGuid(), Amount = 126 * Million, TotalAdvanced = 126 * Million, ApprovedSupport = 200 * Million, PaidOn = new DateOnly(2024, 2, 10) };
        yield return Amendment(Settled, s1, 1, 200 * Million, 180 * Million, 126 * Million);
        yield return Amendment(Settled, s2, 2, 180 * Million, 180 * Million, 126 * Million);
        yield return new ProposalAccepted
        {
            ProposalId = Settled, Proposal = s2, ApprovedSupport = 180 * Million, ActualTotalSpend = 900 * Million, ActualSupportUsed = 100 * Million,
            ActualOwnCapital = 800 * Million, ActualOtherSources = 0, JobsCreated = 5, AverageWage = 6_000_000, Outputs = "1 máy", AdvancesPaid = 126 * Million,
            AcceptedOn = new DateOnly(2024, 10, 1), FollowUps = [],
        };
        yield return new ProposalSettled
        {
            ProposalId = Settled, Proposal = s2, ApprovedSupport = 180 * Million, SettledSupport = 100 * Million, AdvancesPaid = 126 * Million,
            RefundDue = 26 * Million, BalanceDue = 0, SettledOn = new DateOnly(2024, 10, 10),
        };
        yield return new RefundRecorded { ProposalId = Settled, Code = s0.Code, RefundId = Guid.NewGuid(), Amount = 20 * Million, TotalRefunded = 20 * Million, RefundOutstanding = 6 * Million, RefundedOn = new DateOnly(2024, 10, 20), DocumentNumber = "PT-1" };

        // Approved 200 million, amended to 250, advanced 140, cancelled by decision, 60 + 40 million refunded.
        var c0 = Profile("KCĐP-2024-002", 300 * Million, 700 * Million, 0);
        var c1 = Profile("KCĐP-2024-002", 250 * Million, 700 * Million, 1);
        yield return new ProposalApproved { ProposalId = Cancelled, Proposal = c0, ApprovedSupport = 200 * Million, DecisionNumber = "16/QĐ-SCT", DecisionDate = new DateOnly(2024, 1, 15), AppraisalScore = 80, ApprovedAt = At };
        yield return Amendment(Cancelled, c1, 1, 200 * Million, 250 * Million, 0);
        yield return new AdvancePaid { ProposalId = Cancelled, Code = c0.Code, PaymentId = Guid.NewGuid(), Amount = 140 * Million, TotalAdvanced = 140 * Million, ApprovedSupport = 250 * Million, PaidOn = new DateOnly(2024, 5, 10) };
        yield return new ProposalCancelled
        {
            ProposalId = Cancelled, Proposal = c1, PreviousStatus = "InImplementation", Reason = "Cơ sở ngừng sản xuất", AdvancesPaid = 140 * Million,
            DecisionNumber = "40/QĐ-SCT", DecisionDate = new DateOnly(2024, 6, 1), CancelledAt = At,
        };
        yield return new RefundRecorded { ProposalId = Cancelled, Code = c0.Code, RefundId = Guid.NewGuid(), Amount = 60 * Million, TotalRefunded = 60 * Million, RefundOutstanding = 80 * Million, RefundedOn = new DateOnly(2024, 6, 5), DocumentNumber = "PT-2" };
        yield return new RefundRecorded { ProposalId = Cancelled, Code = c0.Code, RefundId = Guid.NewGuid(), Amount = 40 * Million, TotalRefunded = 100 * Million, RefundOutstanding = 40 * Million, RefundedOn = new DateOnly(2024, 6, 6), DocumentNumber = "PT-3" };
    }

    [Fact]
    public async Task After_amendments_and_refunds_delivered_out_of_order_and_twice_the_reconciliation_shows_no_difference()
    {
        await _host.PublishTwiceAsync(History().Reverse());
        await _host.DrainAsync();

        var report = await _host.ClientAs(TestUser.Admin).GetFromJsonAsync<JsonElement>("/api/reports/reconciliation?fromYear=2024&toYear=2024");

        var differences = report.GetProperty("differences").EnumerateArray().Select(d => d.ToString()).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        var proposals = report.GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("area").GetString() == "proposals")
            .ToDictionary(f => f.GetProperty("figure").GetString()!, f => f.GetProperty("reporting").GetInt64());
        Assert.Equal(180 * Million, proposals[R.Proposals.ApprovedSupport]);
        Assert.Equal(980 * Million, proposals[R.Proposals.TotalBudget]);
        Assert.Equal(120 * Million, proposals[R.Proposals.Refunded]);
        Assert.Equal(40 * Million, proposals[R.Proposals.AdvancesOutstanding]);
    }

    [Fact]
    public async Task A_rebuild_from_the_ledger_reproduces_the_amended_and_refunded_figures()
    {
        await _host.PublishTwiceAsync(History());
        await _host.DrainAsync();
        var live = await _host.ReadModelsAsync();

        var rebuilt = await _host.ClientAs(TestUser.Admin).PostAsync("/api/reports/admin/rebuild", null);
        rebuilt.EnsureSuccessStatusCode();

        var replayed = await _host.ReadModelsAsync();
        foreach (var (table, rows) in live)
        {
            Assert.True(rows == replayed[table], $"{table} differs after the rebuild:\nlive:\n{rows}\nrebuilt:\n{replayed[table]}");
        }
        var report = await _host.ClientAs(TestUser.Admin).GetFromJsonAsync<JsonElement>("/api/reports/reconciliation?fromYear=2024&toYear=2024");
        Assert.Empty(report.GetProperty("differences").EnumerateArray());
    }
}
