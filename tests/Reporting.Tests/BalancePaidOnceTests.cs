using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// A balance payment published when it was paid and published again by the Proposals service's backfill (another
/// message id, the same payment): Reporting's plan versus actual counts it once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BalancePaidOnceTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const long Million = 1_000_000;
    private static readonly Guid ProposalId = Guid.NewGuid(), BalanceId = Guid.NewGuid();

    private ReportingHost _host = null!;

    public async Task InitializeAsync() => _host = new ReportingHost(postgres, rabbit);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_balance_published_live_and_again_by_the_backfill_is_paid_once()
    {
        var profile = Scenario.Profile("KCĐP-2027-001", 2027, Scenario.HaLong, FundingSource.Local, ContentGroup.TechnicalDemonstration, Sector.Ceramics,
            ["5700100256"], 300 * Million, 600 * Million, 0);
        var balance = new BalancePaid
        {
            ProposalId = ProposalId, Code = profile.Code, PaymentId = BalanceId, Amount = 100 * Million, TotalPaid = 250 * Million, PaidOn = new DateOnly(2027, 11, 25),
        };
        await _host.PublishTwiceAsync([
            new ProposalApproved
            {
                ProposalId = ProposalId, Proposal = profile, ApprovedSupport = 300 * Million, DecisionNumber = "1/QĐ-SCT", DecisionDate = new DateOnly(2027, 3, 1),
                AppraisalScore = 80, ApprovedAt = new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero),
            },
            new AdvancePaid
            {
                ProposalId = ProposalId, Code = profile.Code, PaymentId = Guid.NewGuid(), Amount = 150 * Million, TotalAdvanced = 150 * Million,
                ApprovedSupport = 300 * Million, PaidOn = new DateOnly(2027, 4, 1),
            },
            balance,
        ]);
        await _host.PublishTwiceAsync([balance]);
        await _host.DrainAsync();

        var report = await _host.GetJsonAsync("/api/reports/ministry?year=2027&period=year&source=Local");
        var figures = report.GetProperty("total").GetProperty("figures");
        Assert.Equal(150 * Million, figures.GetProperty("advanced").GetInt64());
        Assert.Equal(250 * Million, figures.GetProperty("paid").GetInt64());
    }
}
