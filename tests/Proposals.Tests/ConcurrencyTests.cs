using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Many officers acting on one proposal at the same moment, and clients that send a command twice.</summary>
[Collection(ServersCollection.Name)]
public sealed class ConcurrencyTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const long ApprovedSupport = 200_000_000;
    private const long TenPercent = ApprovedSupport / 10;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private async Task<string> InImplementationAsync()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.ApproveAsync(id, ApprovedSupport);
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
        return id;
    }

    private static object Advance(long amount = TenPercent) => new { kind = "Advance", amount, paidOn = "2024-02-10" };

    private Task<List<Domain.Payment>> PaymentsAsync(string id) => WithDbAsync(async db =>
        (await db.Proposals.AsNoTracking().IgnoreAutoIncludes().SingleAsync(p => p.Id == Guid.Parse(id))).Payments.ToList());

    private Task<int> OutboxCountAsync(string type) => WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains($".{type},")));

    [Fact]
    public async Task Parallel_advances_never_exceed_70_percent_of_the_approved_support()
    {
        var serverErrors = 0;
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var id = await InImplementationAsync();

            var responses = await Bursts.RunAsync(Bursts.Size, _ => Client.PostAsJsonAsync($"/api/proposals/{id}/payments", Advance()));

            serverErrors += responses.Count(r => (int)r.StatusCode >= 500);
            await Bursts.AssertNoServerErrorsAsync(responses);
            var statuses = Bursts.Statuses(responses);
            Assert.Equal(7, statuses.GetValueOrDefault(HttpStatusCode.OK));
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
                r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
            var payments = await PaymentsAsync(id);
            Assert.True(payments.Sum(p => p.Amount) <= ApprovedSupport * 7 / 10, $"burst {burst}: {payments.Sum(p => p.Amount):N0} VND advanced");
            Assert.Equal(7, payments.Count);
        }
        Assert.Equal(0, serverErrors);
        Assert.Equal(7 * Bursts.Repetitions, await OutboxCountAsync("AdvancePaid"));
    }

    [Fact]
    public async Task Parallel_submissions_approvals_and_acceptances_succeed_exactly_once()
    {
        var acceptance = new
        {
            acceptedOn = "2024-10-01", actualTotalSpend = 900_000_000, actualSupportUsed = 200_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 5, averageWage = 6_000_000,
        };
        const int rounds = 5;
        for (var round = 0; round < rounds; round++)
        {
            var id = (await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode))).GetProperty("id").GetString()!;
            await AssertOneWinsAsync(id, "submit", new { receivedOn = "2023-05-02" });
            await Journey.AppraiseAsync(id, completedOn: "2023-09-01");
            await AssertOneWinsAsync(id, "approve", new { approvedSupport = ApprovedSupport, decisionNumber = "15/QĐ-SCT", decisionDate = "2024-01-15" });
            await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
            await AssertOneWinsAsync(id, "accept", acceptance);

            var history = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/history");
            Assert.Equal(["Draft", "Submitted", "UnderAppraisal", "Approved", "InImplementation", "Accepted"],
                history.EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "StatusChange").Select(h => h.GetProperty("to").GetString()));
        }
        Assert.Equal(rounds, await OutboxCountAsync("ProposalSubmitted"));
        Assert.Equal(rounds, await OutboxCountAsync("ProposalApproved"));
        Assert.Equal(rounds, await OutboxCountAsync("ProposalAccepted"));
    }

    private async Task AssertOneWinsAsync(string id, string action, object body)
    {
        var responses = await Bursts.RunAsync(Bursts.Size, _ => Client.PostAsJsonAsync($"/api/proposals/{id}/{action}", body));
        await Bursts.AssertNoServerErrorsAsync(responses);
        var statuses = Bursts.Statuses(responses);
        Assert.Equal(1, statuses.GetValueOrDefault(HttpStatusCode.OK));
        Assert.Equal(Bursts.Size - 1, statuses.GetValueOrDefault(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_payment_sent_twice_with_one_key_is_recorded_once_and_answered_alike()
    {
        var id = await InImplementationAsync();

        var first = await Client.SendAsync(PaymentRequest(id, "pay-1", Advance()));
        var second = await Client.SendAsync(PaymentRequest(id, "pay-1", Advance()));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single(await PaymentsAsync(id));

        var reused = await Client.SendAsync(PaymentRequest(id, "pay-1", Advance(TenPercent * 2)));
        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "/errors/idempotency-key-reused");
        Assert.Single(await PaymentsAsync(id));
    }

    [Fact]
    public async Task A_payment_sent_twenty_times_at_once_with_one_key_is_recorded_once()
    {
        var id = await InImplementationAsync();

        var responses = await Bursts.RunAsync(Bursts.Size, _ => Client.SendAsync(PaymentRequest(id, "burst-key", Advance())));

        await Bursts.AssertNoServerErrorsAsync(responses);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.OK),
            string.Join("\n", responses.Zip(bodies).Where(x => x.First.StatusCode != HttpStatusCode.OK).Select(x => $"{(int)x.First.StatusCode}: {x.Second}")));
        Assert.Single(bodies.Distinct());
        Assert.Equal(Bursts.Size - 1, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        Assert.Single(await PaymentsAsync(id));
        Assert.Equal(1, await OutboxCountAsync("AdvancePaid"));
    }

    [Fact]
    public async Task A_draft_created_twice_with_one_key_is_one_draft_and_replays_its_location()
    {
        var draft = ProposalJourney.DraftBody(TaxCode);

        var responses = new List<HttpResponseMessage> { await Client.SendAsync(DraftRequest("draft-1", draft)) };
        responses.AddRange(await Bursts.RunAsync(Bursts.Size, _ => Client.SendAsync(DraftRequest("draft-1", draft))));

        await Bursts.AssertNoServerErrorsAsync(responses);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location?.ToString()).Distinct());
        Assert.NotNull(responses[0].Headers.Location);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, (await CountsAsync()).Proposals);

        draft["title"] = "Một đề án khác";
        await AssertProblemAsync(await Client.SendAsync(DraftRequest("draft-1", draft)), HttpStatusCode.UnprocessableEntity, "/errors/idempotency-key-reused");
        Assert.Equal(1, (await CountsAsync()).Proposals);
    }

    private static HttpRequestMessage PaymentRequest(string id, string key, object body) =>
        new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/payments") { Content = JsonContent.Create(body) }.WithKey(key);

    private static HttpRequestMessage DraftRequest(string key, Dictionary<string, object?> draft) =>
        new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = JsonContent.Create(draft) }.WithKey(key);
}
