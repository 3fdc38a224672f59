using System.Text.Json;
using KhuyenCong.Proposals.Payments;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// Balance payments recorded before BalancePaid existed: the migration's list and the startup job publish each
/// one once, under a message id derived from the payment, and never again.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BalancePaidBackfillTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    /// <summary>An accepted proposal with an advance of 175 million and a balance of 65 million; returns the balance payment's id.</summary>
    private async Task<Guid> BalancePaidAsync()
    {
        var id = (await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode))).GetProperty("id").GetString()!;
        await Journey.SubmitAsync(id, receivedOn: "2023-05-02");
        await Journey.AppraiseAsync(id, percent: 80, completedOn: "2023-09-01");
        await Journey.ApproveAsync(id, 250_000_000, "2024-03-05");
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-15/2024", signedOn = "2024-03-20" });
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 175_000_000, paidOn = "2024-04-01" });
        await Journey.PostAsync(id, "accept", new
        {
            acceptedOn = "2024-11-20", actualTotalSpend = 940_000_000, actualSupportUsed = 240_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 15, averageWage = 6_500_000, outputs = "1 lò nung",
        });
        var paid = await Journey.PostAsync(id, "payments", new { kind = "Balance", amount = 65_000_000, paidOn = "2024-11-25" });
        return paid.GetProperty("finance").GetProperty("payments").EnumerateArray()
            .Single(p => p.GetProperty("kind").GetString() == "Balance").GetProperty("id").GetGuid();
    }

    private Task<List<(Guid MessageId, string Payload)>> BalancePaidMessagesAsync() => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.StartsWith("KhuyenCong.Contracts.Proposals.BalancePaid,"))
            .OrderBy(m => m.Sequence).Select(m => new { m.MessageId, m.Payload }).ToListAsync())
        .Select(m => (m.MessageId, m.Payload)).ToList());

    /// <summary>The migration's step and the job, as an upgraded service runs them.</summary>
    private Task<int> BackfillAsync() => WithDbAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync(BalancePaidBackfill.MarkUnpublishedSql);
        return await new BalancePaidBackfill(Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<BalancePaidBackfill>.Instance)
            .PublishAsync(db, CancellationToken.None);
    });

    [Fact]
    public async Task A_balance_stored_without_its_event_is_published_once_and_a_second_run_publishes_nothing_more()
    {
        var paymentId = await BalancePaidAsync();
        // As before the event existed: the payment is stored, no BalancePaid was written.
        await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.StartsWith("KhuyenCong.Contracts.Proposals.BalancePaid,")).ExecuteDeleteAsync());

        Assert.Equal(1, await BackfillAsync());
        Assert.Equal(0, await BackfillAsync());

        var (messageId, payload) = Assert.Single(await BalancePaidMessagesAsync());
        Assert.Equal(BalancePaidBackfill.MessageIdOf(paymentId), messageId);
        var e = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(paymentId, e.GetProperty("paymentId").GetGuid());
        Assert.Equal(65_000_000, e.GetProperty("amount").GetInt64());
        Assert.Equal(240_000_000, e.GetProperty("totalPaid").GetInt64());
        Assert.Equal("2024-11-25", e.GetProperty("paidOn").GetString());
    }

    [Fact]
    public async Task A_balance_whose_event_was_published_when_it_was_paid_is_not_published_again()
    {
        await BalancePaidAsync();
        var live = Assert.Single(await BalancePaidMessagesAsync());

        Assert.Equal(0, await BackfillAsync());

        Assert.Equal(live, Assert.Single(await BalancePaidMessagesAsync()));
    }

    [Fact]
    public void The_message_id_is_the_payments_own_every_time_and_differs_between_payments()
    {
        var payment = Guid.Parse("0193a8f2-6c1e-7b3a-9f00-1234567890ab");
        Assert.Equal(BalancePaidBackfill.MessageIdOf(payment), BalancePaidBackfill.MessageIdOf(payment));
        Assert.NotEqual(BalancePaidBackfill.MessageIdOf(payment), BalancePaidBackfill.MessageIdOf(Guid.NewGuid()));
        Assert.Equal(5, BalancePaidBackfill.MessageIdOf(payment).Version);
    }
}
