using System.Net;
using System.Net.Http.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Reporting.Api;
using KhuyenCong.Reporting.Data;
using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : TestServersCollection;

/// <summary>Events go through the real broker into the reporting read model on real PostgreSQL.</summary>
[Collection(ServersCollection.Name)]
public sealed class SummaryProjectionTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ReportingHost _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = new ReportingHost(postgres, rabbit);
        _client = _host.Client;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IBus Bus => _host.Services.GetRequiredService<IBus>();

    private static ProposalApproved Approval(int year, long support, long own, long other = 0) => new()
    {
        ProposalId = Guid.NewGuid(),
        Proposal = new ProposalProfile
        {
            Code = $"KCĐP-{year}-001",
            Title = "Máy ép gạch",
            FundingSource = FundingSource.Local,
            PlanYear = year,
            ContentGroup = ContentGroup.TechnicalDemonstration,
            ImplementingUnit = "Trung tâm Xúc tiến và Phát triển công thương",
            EstablishmentTaxCodes = ["5700100256"],
            Sector = Sector.BuildingMaterials,
            AdministrativeUnitCode = "dong-trieu",
            District = "Đông Triều",
            Location = "Đông Triều",
            IsPriorityArea = false,
            TotalBudget = support + own + other,
            StateSupport = support,
            OwnCapital = own,
            OtherSources = other,
            ExpectedJobs = 10,
            ExpectedAverageWage = 6_000_000,
        },
        ApprovedSupport = support,
        DecisionNumber = "1/QĐ-SCT",
        DecisionDate = new DateOnly(year, 3, 1),
        AppraisalScore = 80m,
        ApprovedAt = DateTimeOffset.UtcNow,
    };

    private static ProposalSubmitted SubmissionOf(ProposalApproved a) => new()
    {
        ProposalId = a.ProposalId,
        Proposal = a.Proposal,
        SubmittedAt = a.ApprovedAt.AddDays(-30),
        IsLate = false,
    };

    private Task<ProgrammeSummary?> SummaryAsync(string query = "") =>
        _client.GetFromJsonAsync<ProgrammeSummary>($"/api/reports/summary{query}");

    private Task<bool> SummaryShows(int proposals, string query = "") =>
        Eventually.TrueWithin(Patience, async () => (await SummaryAsync(query))!.Proposals == proposals);

    private Task<bool> SubmissionsApplied(int count) => Eventually.TrueWithin(Patience, async () =>
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        return await db.InboxMessages.CountAsync(m => m.Consumer == "ProposalSubmittedConsumer") == count;
    });

    [Fact]
    public async Task Approved_proposals_make_the_summary_with_leverage_by_plan_year()
    {
        await Bus.Publish(Approval(2017, support: 1_000_000_000, own: 7_000_000_000, other: 500_000_000));
        await Bus.Publish(Approval(2018, support: 2_000_000_000, own: 3_000_000_000));

        Assert.True(await SummaryShows(2));
        var all = await SummaryAsync();
        Assert.Equal(13_500_000_000, all!.TotalBudget);
        Assert.Equal(3_000_000_000, all.StateSupport);
        Assert.Equal(10_000_000_000, all.OwnCapital);
        Assert.Equal(500_000_000, all.OtherSources);
        Assert.Equal(3.33m, all.Leverage);
        Assert.Equal("1 : 3,33", all.LeverageText);

        var only2017 = await SummaryAsync("?fromYear=2017&toYear=2017");
        Assert.Equal(1, only2017!.Proposals);
        Assert.Equal(7.00m, only2017.Leverage);
    }

    [Fact]
    public async Task A_submitted_proposal_is_not_counted_until_it_is_approved()
    {
        var approval = Approval(2019, 100, 700);
        await Bus.Publish(SubmissionOf(approval));
        Assert.True(await SubmissionsApplied(1));

        Assert.Equal(0, (await SummaryAsync())!.Proposals);
        await Bus.Publish(approval);
        Assert.True(await SummaryShows(1, "?fromYear=2019&toYear=2019"));
    }

    [Fact]
    public async Task The_same_approval_delivered_twice_is_counted_once()
    {
        var approval = Approval(2016, 100_000_000, 700_000_000);
        var messageId = Guid.NewGuid();
        await Bus.Publish(approval, context => context.MessageId = messageId);
        await Bus.Publish(approval, context => context.MessageId = messageId);
        var marker = Approval(2015, 1, 1);
        await Bus.Publish(marker);

        Assert.True(await SummaryShows(2));
        await Task.Delay(500);
        var summary = await SummaryAsync("?fromYear=2016&toYear=2016");
        Assert.Equal(1, summary!.Proposals);
        Assert.Equal(100_000_000, summary.StateSupport);
    }

    [Fact]
    public async Task A_submission_arriving_after_its_approval_does_not_undo_it()
    {
        var approval = Approval(2014, 100, 700);
        await Bus.Publish(approval);
        Assert.True(await SummaryShows(1));

        var stale = SubmissionOf(approval);
        await Bus.Publish(stale with { Proposal = stale.Proposal with { OwnCapital = 1 } });
        Assert.True(await SubmissionsApplied(1));

        var summary = await SummaryAsync("?fromYear=2014&toYear=2014");
        Assert.Equal(1, summary!.Proposals);
        Assert.Equal(700, summary.OwnCapital);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_400()
    {
        var response = await _client.GetAsync("/api/reports/summary?fromYear=2020&toYear=2014");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
