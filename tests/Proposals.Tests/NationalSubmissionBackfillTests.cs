using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Proposals.Api;
using KhuyenCong.Proposals.Plans;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// Lists of national proposals sent, and the Ministry's decisions recorded, before NationalSubmissionSent and
/// NationalDecisionRecorded existed: the migration's list and the startup job publish each once, under the message ids
/// the live requests use, and never again.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class NationalSubmissionBackfillTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string Lists = "/api/proposals/national-submissions";
    /// <summary>A ward of the province's units in force from 1 July 2025, so the plan years after are filed there.</summary>
    private const string Ward = "p-mao-khe";
    private const string SentType = "KhuyenCong.Contracts.Proposals.NationalSubmissionSent,";
    private const string DecidedType = "KhuyenCong.Contracts.Proposals.NationalDecisionRecorded,";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    /// <summary>The year's list of two national proposals sent, the first approved by the Ministry; returns the list's and the proposals' ids.</summary>
    private async Task<(Guid List, Guid Decided, Guid Awaited)> SentAndDecidedAsync(int year)
    {
        var decided = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year, stateSupport: 300_000_000, fundingSource: "National", unit: Ward));
        var awaited = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year, stateSupport: 200_000_000, fundingSource: "National", unit: Ward));
        var list = await ExpectAsync(await Client.PostAsJsonAsync(Lists, new { planYear = year }), HttpStatusCode.Created);
        foreach (var id in new[] { decided, awaited })
        {
            await ExpectAsync(await Client.PostAsJsonAsync($"{Lists}/{year}/dossiers/{id}", new { complete = true }), HttpStatusCode.OK);
        }
        await ExpectAsync(await Client.PostAsJsonAsync($"{Lists}/{year}/submit", new { dispatchNumber = "41/SCT-QLCN", sentOn = $"{year - 1}-06-01" }), HttpStatusCode.OK);
        await ExpectAsync(await Client.PostAsJsonAsync($"{Lists}/{year}/decisions/{decided}",
            new { outcome = "Approved", approvedSupport = 250_000_000, decisionNumber = "900/QĐ-BCT", decisionDate = $"{year - 1}-12-01" }), HttpStatusCode.OK);
        return (list.GetProperty("id").GetGuid(), Guid.Parse(decided), Guid.Parse(awaited));
    }

    private Task<List<(Guid MessageId, string Type, string Payload)>> MessagesAsync(Guid list) => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(SentType) || m.MessageType.StartsWith(DecidedType))
            .OrderBy(m => m.Sequence).Select(m => new { m.MessageId, m.MessageType, m.Payload }).ToListAsync())
        .Where(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("submissionId").GetGuid() == list)
        .Select(m => (m.MessageId, m.MessageType, m.Payload)).ToList());

    /// <summary>The migration's step and the job, as an upgraded service runs them.</summary>
    private Task<int> BackfillAsync() => WithDbAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync(NationalSubmissionBackfill.MarkUnpublishedSql);
        return await new NationalSubmissionBackfill(Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<NationalSubmissionBackfill>.Instance)
            .PublishAsync(db, CancellationToken.None);
    });

    [Fact]
    public async Task A_list_sent_and_decided_without_its_events_is_published_once_and_a_second_run_publishes_nothing_more()
    {
        const int year = 2069;
        var (list, decided, _) = await SentAndDecidedAsync(year);
        var live = await MessagesAsync(list);
        // As before the events existed: the list is sent and a decision recorded, no event was written.
        await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.StartsWith(SentType) || m.MessageType.StartsWith(DecidedType)).ExecuteDeleteAsync());

        Assert.Equal(2, await BackfillAsync());
        Assert.Equal(0, await BackfillAsync());

        var published = await MessagesAsync(list);
        Assert.Equal([NationalSubmissionsApi.SentMessageIdOf(list), NationalSubmissionsApi.DecidedMessageIdOf(list, decided)], published.Select(m => m.MessageId));
        Assert.Equal(live.Select(m => m.MessageId), published.Select(m => m.MessageId));
        var sent = JsonSerializer.Deserialize<NationalSubmissionSent>(published[0].Payload, JsonSerializerOptions.Web)!;
        Assert.Equal(("41/SCT-QLCN", 500_000_000L), (sent.DispatchNumber, sent.Proposals.Sum(p => p.RequestedSupport)));
        var decision = JsonSerializer.Deserialize<NationalDecisionRecorded>(published[1].Payload, JsonSerializerOptions.Web)!;
        Assert.Equal((decided, NationalDecisionRecorded.Approved, (long?)250_000_000), (decision.ProposalId, decision.Outcome, decision.ApprovedSupport));
    }

    [Fact]
    public async Task A_list_published_live_or_still_being_prepared_is_not_published_again()
    {
        const int year = 2070;
        var (list, _, _) = await SentAndDecidedAsync(year);
        await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year + 1, fundingSource: "National", unit: Ward));
        await ExpectAsync(await Client.PostAsJsonAsync(Lists, new { planYear = year + 1 }), HttpStatusCode.Created);
        var live = await MessagesAsync(list);

        Assert.Equal(0, await BackfillAsync());

        Assert.Equal(2, live.Count);
        Assert.Equal(live.Select(m => m.MessageId), (await MessagesAsync(list)).Select(m => m.MessageId));
    }
}
