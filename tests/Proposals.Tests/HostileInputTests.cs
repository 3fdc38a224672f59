using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Requests a careless or malicious client sends: they are refused with a 400 and write nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const long MaxMoney = 1_000_000_000_000_000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static string DraftJson(Action<Dictionary<string, object?>> change)
    {
        var draft = ProposalJourney.DraftBody(TaxCode);
        change(draft);
        return JsonSerializer.Serialize(draft);
    }

    /// <summary>The funding sources by their Vietnamese names, as a refusal in the default language lists them.</summary>
    private static readonly string[] FundingSources =
        [.. new[] { "National", "Local" }.Select(source => KhuyenCong.Contracts.CodeNames.Of("FundingSource", source)!.Vietnamese)];

    private async Task AssertRefusedAsync(HttpResponseMessage response, params string[] mentions)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, body);
        }
    }

    [Fact]
    public async Task A_NUL_in_a_text_field_or_a_query_parameter_is_a_400_and_writes_nothing()
    {
        var before = await CountsAsync();

        await AssertRefusedAsync(await PostJsonAsync("/api/proposals", DraftJson(d => d["title"] = "Lò nung\u0000gốm")));
        var establishment = ProposalJourney.EstablishmentBody("5700100263");
        establishment["name"] = "HTX\u0000";
        await AssertRefusedAsync(await Client.PostAsJsonAsync("/api/establishments", establishment));
        await AssertRefusedAsync(await Client.GetAsync("/api/proposals?q=l%00o"));
        await AssertRefusedAsync(await Client.GetAsync("/api/establishments?q=%00"));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Money_beyond_ten_to_the_fifteen_is_a_400_naming_the_field()
    {
        var before = await CountsAsync();

        await AssertRefusedAsync(await PostJsonAsync("/api/proposals", DraftJson(d => d["stateSupport"] = long.MaxValue)), "stateSupport");
        await AssertRefusedAsync(await PostJsonAsync("/api/proposals", DraftJson(d => d["ownCapital"] = MaxMoney + 1)), "ownCapital");
        await AssertRefusedAsync(await PostJsonAsync("/api/proposals", DraftJson(d => d["otherSources"] = long.MaxValue)), "otherSources");
        await AssertRefusedAsync(await PostJsonAsync("/api/proposals", DraftJson(d => d["totalBudget"] = long.MaxValue)), "totalBudget");

        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("3")]
    [InlineData("999")]
    [InlineData("\"Regional\"")]
    public async Task An_undefined_funding_source_in_the_body_is_a_400_listing_the_names(string value)
    {
        var json = DraftJson(_ => { }).Replace("\"fundingSource\":\"Local\"", $"\"fundingSource\":{value}");
        Assert.Contains($"\"fundingSource\":{value}", json);
        await AssertRefusedAsync(await PostJsonAsync("/api/proposals", json), FundingSources);
        Assert.Equal(0, (await CountsAsync()).Proposals);
    }

    [Theory]
    [InlineData("/api/proposals?fundingSource=3")]
    [InlineData("/api/proposals?fundingSource=999")]
    [InlineData("/api/reference/support-norms?fundingSource=3")]
    public async Task An_undefined_funding_source_in_the_query_is_a_400_listing_the_names(string path) =>
        await AssertRefusedAsync(await Client.GetAsync(path), FundingSources);

    [Theory]
    [InlineData("/api/proposals?page=2147483647")]
    [InlineData("/api/proposals?page=0")]
    [InlineData("/api/proposals?pageSize=201")]
    [InlineData("/api/proposals/follow-ups?page=2147483647")]
    [InlineData("/api/establishments?page=2147483647")]
    [InlineData("/api/proposals?yaer=2024")]
    [InlineData("/api/establishments?distrct=Hạ Long")]
    public async Task Paging_out_of_bounds_and_unknown_parameters_are_a_400(string path) =>
        await AssertRefusedAsync(await Client.GetAsync(path));

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1989-12-31")]
    public async Task Absurd_dates_are_a_400_and_change_nothing(string date)
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        var before = await CountsAsync();

        await AssertRefusedAsync(await Journey.PostRawAsync(id, "approve",
            new Dictionary<string, object?> { ["approvedSupport"] = 100_000_000, ["decisionNumber"] = "1/QĐ", ["decisionDate"] = date }));
        var establishment = ProposalJourney.EstablishmentBody("5700100270");
        establishment["registeredOn"] = date;
        await AssertRefusedAsync(await Client.PostAsJsonAsync("/api/establishments", establishment));

        Assert.Equal(before, await CountsAsync());
        var proposal = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal("UnderAppraisal", proposal.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Business_dates_out_of_order_are_refused_with_a_stable_code()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.ApproveAsync(id, 200_000_000, "2024-01-15");
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });

        await AssertProblemAsync(await Journey.PostRawAsync(id, "payments", new { kind = "Advance", amount = 10_000_000, paidOn = "2024-01-31" }),
            HttpStatusCode.UnprocessableEntity, "/errors/payment-before-contract");
        await AssertProblemAsync(await Journey.PostRawAsync(id, "accept", new
        {
            acceptedOn = "2024-01-20", actualTotalSpend = 900_000_000, actualSupportUsed = 200_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 5, averageWage = 6_000_000,
        }), HttpStatusCode.UnprocessableEntity, "/errors/acceptance-before-contract");
        await Journey.PostAsync(id, "accept", new
        {
            acceptedOn = "2024-10-01", actualTotalSpend = 900_000_000, actualSupportUsed = 200_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 5, averageWage = 6_000_000,
        });
        await AssertProblemAsync(await Journey.PostRawAsync(id, "payments", new { kind = "Balance", amount = 10_000_000, paidOn = "2024-09-30" }),
            HttpStatusCode.UnprocessableEntity, "/errors/payment-before-acceptance");
        await AssertProblemAsync(await Journey.PostRawAsync(id, "settle", new { settledSupport = 200_000_000, settledOn = "2024-09-30" }),
            HttpStatusCode.UnprocessableEntity, "/errors/settlement-before-acceptance");

        var proposal = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal("Accepted", proposal.GetProperty("status").GetString());
        Assert.Empty(proposal.GetProperty("finance").GetProperty("payments").EnumerateArray());
    }

    [Fact]
    public async Task The_unfiltered_list_answers_while_a_draft_holds_the_largest_amounts_allowed()
    {
        var largest = ProposalJourney.DraftBody(TaxCode, stateSupport: MaxMoney, ownCapital: MaxMoney);
        largest["otherSources"] = MaxMoney;
        largest["estimate"] = ProposalJourney.Estimate(MaxMoney, MaxMoney, MaxMoney);
        await Journey.CreateAsync(largest);
        await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode));

        var response = await Client.GetAsync("/api/proposals");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var totals = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("count").GetInt32());
        Assert.Equal(MaxMoney + 300_000_000, totals.GetProperty("stateSupport").GetInt64());
        Assert.Equal(3 * MaxMoney + 1_000_000_000, totals.GetProperty("totalBudget").GetInt64());
    }

    [Theory]
    [InlineData("5700100255")]
    [InlineData("5700100250-001")]
    public async Task A_tax_code_with_a_wrong_check_digit_is_a_400(string taxCode)
    {
        var response = await Client.PostAsJsonAsync("/api/establishments", ProposalJourney.EstablishmentBody(taxCode));
        await AssertRefusedAsync(response, "taxCode");
        Assert.Equal(1, (await CountsAsync()).Establishments);
    }

    [Fact]
    public async Task A_tax_code_is_trimmed_and_a_branch_of_a_valid_code_is_accepted()
    {
        var branch = await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody(" 5700100256-001 "));
        Assert.Equal("5700100256-001", branch.GetProperty("taxCode").GetString());
        var household = await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody("22A8001234"));
        Assert.Equal("22A8001234", household.GetProperty("taxCode").GetString());
    }
}
