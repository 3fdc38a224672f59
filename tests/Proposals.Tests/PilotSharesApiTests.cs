using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// Multi-year pilot proposals (đề án điểm) through the API on real PostgreSQL: the support split by year as the
/// proposal states it (evenly when it states none), each year's plan holding that year's share, and each year's
/// envelope counting it and holding back what no longer fits; each test works in its own years.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PilotSharesApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string Envelopes = "/api/proposals/budget-envelopes";
    private const long Million = 1_000_000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private static Dictionary<string, object?> Pilot(int start, int end, long support, long[]? shares)
    {
        var draft = ProposalJourney.DraftBody(TaxCode, start, stateSupport: support);
        draft["pilotStartYear"] = start;
        draft["pilotEndYear"] = end;
        draft["pilotShares"] = shares;
        return draft;
    }

    private static object Approval(int year, long support) =>
        new { approvedSupport = support, decisionNumber = "15/QĐ-SCT", decisionDate = $"{year}-01-15" };

    private async Task AllocateAsync(int year, long amount) => await ExpectAsync(await Client.PostAsJsonAsync(Envelopes,
        new { planYear = year, fundingSource = "Local", amount, decisionNumber = $"{year}/QĐ-UBND", decisionDate = $"{year}-01-10" }), HttpStatusCode.Created);

    private async Task<JsonElement> FiguresAsync(int year) => await ExpectAsync(await Client.GetAsync($"{Envelopes}/{year}/Local"), HttpStatusCode.OK);

    /// <summary>The items of the draft plan compiled for a year: code → (amount, pilot start year).</summary>
    private async Task<Dictionary<string, (long Amount, int? PilotStart)>> PlanOfAsync(int year)
    {
        var plan = await ExpectAsync(await Client.PostAsJsonAsync("/api/proposals/plans", new { planYear = year, fundingSource = "Local" }), HttpStatusCode.OK);
        return plan.GetProperty("versions").EnumerateArray().Last().GetProperty("items").EnumerateArray().ToDictionary(
            i => i.GetProperty("code").GetString()!,
            i => (i.GetProperty("amount").GetInt64(), i.GetProperty("pilotStartYear").ValueKind == JsonValueKind.Null ? (int?)null : i.GetProperty("pilotStartYear").GetInt32()));
    }

    private async Task<string> CodeOfAsync(string id) => (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("code").GetString()!;

    [Fact]
    public async Task Each_year_s_plan_holds_a_pilot_for_that_year_s_share_as_stated_or_split_evenly()
    {
        var stated = await Journey.AppraisedAsync(Pilot(2017, 2019, 150 * Million, [75 * Million, 50 * Million, 25 * Million]));
        var even = await Journey.AppraisedAsync(Pilot(2017, 2019, 150 * Million + 2, null));
        var single = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, 2018, stateSupport: 100 * Million));
        await Journey.PostAsync(stated, "approve", Approval(2017, 120 * Million));

        var proposal = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{stated}");
        Assert.Equal([75 * Million, 50 * Million, 25 * Million], proposal.GetProperty("pilot").GetProperty("shares").EnumerateArray().Select(s => s.GetInt64()));
        var evenShares = (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{even}")).GetProperty("pilot").GetProperty("shares");
        Assert.Equal([50 * Million + 2, 50 * Million, 50 * Million], evenShares.EnumerateArray().Select(s => s.GetInt64()));

        // The approval tells Reporting the split, so that it spreads the commitment over the years as the envelopes do.
        var published = await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.StartsWith("KhuyenCong.Contracts.Proposals.ProposalApproved,"))
            .Select(m => m.Payload).SingleAsync());
        var profile = JsonSerializer.Deserialize<ProposalApproved>(published, JsonSerializerOptions.Web)!.Proposal;
        Assert.Equal((2017, 2019), (profile.PilotStartYear, profile.PilotEndYear));
        Assert.Equal([75 * Million, 50 * Million, 25 * Million], profile.PilotShares);

        // Approved for 120 of the 150 million asked: each year holds its share of the 120, in the proportions stated (60, 40, 20).
        var (a, b, c) = (await CodeOfAsync(stated), await CodeOfAsync(even), await CodeOfAsync(single));
        var plan2017 = await PlanOfAsync(2017);
        Assert.Equal((60 * Million, (int?)2017), plan2017[a]);
        Assert.Equal((50 * Million + 2, (int?)2017), plan2017[b]);
        Assert.DoesNotContain(c, plan2017.Keys);
        var plan2018 = await PlanOfAsync(2018);
        Assert.Equal((40 * Million, (int?)2017), plan2018[a]);
        Assert.Equal((50 * Million, (int?)2017), plan2018[b]);
        Assert.Equal((100 * Million, (int?)null), plan2018[c]);
        var plan2019 = await PlanOfAsync(2019);
        Assert.Equal(20 * Million, plan2019[a].Amount);
        Assert.Equal(50 * Million, plan2019[b].Amount);
        Assert.DoesNotContain(c, plan2019.Keys);
        var plan2020 = await PlanOfAsync(2020);
        Assert.DoesNotContain(a, plan2020.Keys);
        Assert.DoesNotContain(b, plan2020.Keys);
    }

    [Fact]
    public async Task Each_year_s_envelope_counts_a_pilot_s_share_and_refuses_an_approval_whose_share_does_not_fit_a_later_year()
    {
        await AllocateAsync(2023, 500 * Million);
        await AllocateAsync(2024, 200 * Million);
        await AllocateAsync(2025, 30 * Million);
        var pilot = await Journey.AppraisedAsync(Pilot(2023, 2025, 300 * Million, [150 * Million, 100 * Million, 50 * Million]));

        // Its 2025 share (50 million) does not fit the 30 million allocated for 2025: refused, nothing committed anywhere.
        var refused = await AssertProblemAsync(await Journey.PostRawAsync(pilot, "approve", Approval(2023, 300 * Million)),
            HttpStatusCode.Conflict, "/errors/budget-envelope-exceeded");
        Assert.Contains("2025", refused.GetProperty("detail").GetString());
        Assert.Equal(0, (await FiguresAsync(2023)).GetProperty("committed").GetInt64());
        await ExpectAsync(await Client.PostAsJsonAsync($"{Envelopes}/2025/Local/entries",
            new { kind = "Addition", amount = 20 * Million, decisionNumber = "9/QĐ-UBND", decisionDate = "2025-03-01" }), HttpStatusCode.OK);

        await Journey.PostAsync(pilot, "approve", Approval(2023, 300 * Million));
        Assert.Equal(150 * Million, (await FiguresAsync(2023)).GetProperty("committed").GetInt64());
        var figures2024 = await FiguresAsync(2024);
        Assert.Equal((100 * Million, 100 * Million, 1), (figures2024.GetProperty("committed").GetInt64(), figures2024.GetProperty("remaining").GetInt64(),
            figures2024.GetProperty("proposals").GetInt32()));
        Assert.Equal(0, (await FiguresAsync(2025)).GetProperty("remaining").GetInt64());

        // A 2024 proposal finds only what the pilot left of the 2024 envelope.
        var other = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, 2024, stateSupport: 150 * Million));
        await AssertProblemAsync(await Journey.PostRawAsync(other, "approve", Approval(2024, 150 * Million)), HttpStatusCode.Conflict, "/errors/budget-envelope-exceeded");
        await Journey.PostAsync(other, "approve", Approval(2024, 100 * Million));
        Assert.Equal(0, (await FiguresAsync(2024)).GetProperty("remaining").GetInt64());

        // Money paid for the pilot counts once, in its start year.
        await Journey.PostAsync(pilot, "implementation", new { contractNumber = "HĐ-1", signedOn = "2023-02-01" });
        await Journey.PostAsync(pilot, "payments", new { kind = "Advance", amount = 90 * Million, paidOn = "2023-02-10" });
        Assert.Equal(90 * Million, (await FiguresAsync(2023)).GetProperty("advanced").GetInt64());
        Assert.Equal(0, (await FiguresAsync(2024)).GetProperty("advanced").GetInt64());
    }

    [Fact]
    public async Task Parallel_approvals_of_pilots_never_exceed_a_later_year_s_envelope()
    {
        await AllocateAsync(2022, 550 * Million);
        var ids = new List<string>();
        for (var i = 0; i < Bursts.Size; i++)
        {
            ids.Add(await Journey.AppraisedAsync(Pilot(2020, 2022, 300 * Million, [100 * Million, 100 * Million, 100 * Million])));
        }

        var responses = await Bursts.RunAsync(ids.Count, i => Journey.PostRawAsync(ids[i], "approve", Approval(2020, 300 * Million)));

        await Bursts.AssertNoServerErrorsAsync(responses);
        Assert.Equal(5, Bursts.Statuses(responses).GetValueOrDefault(HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Conflict, "/errors/budget-envelope-exceeded");
        }
        var figures = await FiguresAsync(2022);
        Assert.Equal((500 * Million, 5), (figures.GetProperty("committed").GetInt64(), figures.GetProperty("proposals").GetInt32()));
    }

    [Fact]
    public async Task A_split_that_does_not_fit_the_pilot_is_refused_in_Vietnamese_and_stores_nothing()
    {
        var before = await WithDbAsync(db => db.Proposals.CountAsync());
        foreach (long[] shares in new long[][]
                 {
                     [100 * Million, 200 * Million],
                     [100 * Million, 100 * Million, 100 * Million + 1],
                     [400 * Million, 0, -100 * Million],
                     [long.MaxValue, long.MaxValue, 2],
                 })
        {
            var problem = await AssertProblemAsync(await Client.PostAsJsonAsync("/api/proposals", Pilot(2015, 2017, 300 * Million, shares)),
                HttpStatusCode.UnprocessableEntity, "/errors/pilot-shares");
            Assert.Contains("cộng lại bằng kinh phí khuyến công hỗ trợ", problem.GetProperty("detail").GetString());
        }
        var notPilot = ProposalJourney.DraftBody(TaxCode, 2015);
        notPilot["pilotShares"] = new[] { 300 * Million };
        Assert.True((await ErrorsOf(await Client.PostAsJsonAsync("/api/proposals", notPilot))).TryGetProperty("pilotShares", out _));
        var tooMany = Pilot(2015, 2017, 300 * Million, [.. Enumerable.Repeat(1L, 10_000)]);
        Assert.True((await ErrorsOf(await Client.PostAsJsonAsync("/api/proposals", tooMany))).TryGetProperty("pilotShares", out _));
        var english = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = JsonContent.Create(Pilot(2015, 2017, 300 * Million, [1, 2, 3])) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var answer = await AssertProblemAsync(await Client.SendAsync(english), HttpStatusCode.UnprocessableEntity, "/errors/pilot-shares");
        Assert.Contains("adding up to the state support of", answer.GetProperty("detail").GetString());

        Assert.Equal(before, await WithDbAsync(db => db.Proposals.CountAsync()));
    }
}
