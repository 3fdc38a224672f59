using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Fairs.Tests.Candidates;

namespace KhuyenCong.Fairs.Tests;

/// <summary>The share of booth rent is capped by the norm in force on the fair's start date; the officer may set less, never more.</summary>
public sealed class SupportNormTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private static FairDetails Details(FairKind kind, decimal share) => new(
        "Hội chợ", kind, "Trung tâm", "Hạ Long", kind == FairKind.Overseas ? "Nhật Bản" : FairDetails.HomeCountry,
        kind.IsDomestic() ? "Quảng Ninh" : null, FairStart, FairStart.AddDays(3), FairStart.AddDays(-10), 4, 10_000_000, new SupportPolicy(share, 0, ""));

    private static FairSupportNorm? Seeded(FairKind kind) => FairSupportNorm.InForce(FairSupportNormSeed.Rows, kind, FairStart);

    [Theory]
    [InlineData(FairKind.OtherDomestic, 80)]
    [InlineData(FairKind.OtherDomestic, 79.99)]
    [InlineData(FairKind.OtherDomestic, 0)]
    [InlineData(FairKind.DomesticProgramme, 100)]
    [InlineData(FairKind.Overseas, 100)]
    public void A_share_at_or_below_the_cap_is_taken_and_the_fair_keeps_the_cap(FairKind kind, decimal share)
    {
        var fair = Fair.CreateDraft(Details(kind, share), Seeded(kind), Now, "officer");
        Assert.Equal(share, fair.Policy.RentSharePercent);
        Assert.Equal((Seeded(kind)!.MaxRentSharePercent, new DateOnly(2014, 4, 8)), (fair.RentShareCapPercent, fair.RentShareCapEffectiveFrom));
        Assert.Equal(Seeded(kind)!.LegalBasis, fair.RentShareCapLegalBasis);
    }

    [Fact]
    public void A_share_above_the_cap_is_refused_citing_the_norm()
    {
        var refusal = Assert.Throws<FairRuleException>(() => Fair.CreateDraft(Details(FairKind.OtherDomestic, 80.01m), Seeded(FairKind.OtherDomestic), Now, "o"));
        Assert.Equal(("support-share-above-norm", RuleKind.Unprocessable), (refusal.Code, refusal.Kind));
        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", refusal.LegalBasis);
        Assert.Contains("tối đa 80 %", refusal.Vietnamese);
    }

    [Fact]
    public void Without_a_norm_an_online_fair_gets_no_support_until_the_province_enters_one()
    {
        var refusal = Assert.Throws<FairRuleException>(() => Fair.CreateDraft(Details(FairKind.Online, 100), null, Now, "o"));
        Assert.Equal("no-support-norm", refusal.Code);
        Assert.NotNull(refusal.LegalBasis);
        var none = Fair.CreateDraft(Details(FairKind.Online, 0), null, Now, "o");
        Assert.Null(none.RentShareCapPercent);

        var entered = FairSupportNorm.Create(Guid.NewGuid(), FairKind.Online, new DateOnly(2026, 1, 1), 50m, "Quyết định 5/2026/QĐ-UBND", Now, "admin");
        var capped = Fair.CreateDraft(Details(FairKind.Online, 50), entered, Now, "o");
        Assert.Equal(("Quyết định 5/2026/QĐ-UBND", 50m), (capped.RentShareCapLegalBasis, capped.RentShareCapPercent));
    }

    [Fact]
    public void The_norm_in_force_on_the_start_date_applies_not_a_later_one()
    {
        var later = FairSupportNorm.Create(Guid.NewGuid(), FairKind.OtherDomestic, FairStart.AddDays(1), 60m, "Văn bản mới", Now, "admin");
        var onTheDay = FairSupportNorm.Create(Guid.NewGuid(), FairKind.OtherDomestic, FairStart, 70m, "Văn bản trước", Now, "admin");
        var norms = FairSupportNormSeed.Rows.Append(later).Append(onTheDay).ToList();
        Assert.Same(onTheDay, FairSupportNorm.InForce(norms, FairKind.OtherDomestic, FairStart));
        Assert.Same(later, FairSupportNorm.InForce(norms, FairKind.OtherDomestic, FairStart.AddDays(1)));
        Assert.Null(FairSupportNorm.InForce(norms, FairKind.OtherDomestic, new DateOnly(2014, 4, 7)));
        // A norm handed over that has not taken effect by the start is no cap at all.
        Assert.Equal("no-support-norm", Assert.Throws<FairRuleException>(() => Fair.CreateDraft(Details(FairKind.OtherDomestic, 60), later, Now, "o")).Code);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    [InlineData(50.001)]
    public void A_norm_covers_0_to_100_percent_in_hundredths(decimal share) =>
        Assert.Equal("invalid-norm", Assert.Throws<FairRuleException>(() =>
            FairSupportNorm.Create(Guid.NewGuid(), FairKind.Online, FairStart, share, "x", Now, "admin")).Code);

    [Fact]
    public void A_norm_of_an_undefined_kind_is_refused() =>
        Assert.Equal("unknown-fair-kind", Assert.Throws<FairRuleException>(() =>
            FairSupportNorm.Create(Guid.NewGuid(), (FairKind)99, FairStart, 50, "x", Now, "admin")).Code);
}

[Collection(ServersCollection.Name)]
public sealed class SupportNormApiTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private const string Norms = "/api/fairs/support-norms";

    private Task<int> FairCountAsync() => WithDbAsync(db => db.Fairs.CountAsync());

    [Fact]
    public async Task A_share_above_the_norm_is_refused_with_its_basis_in_vietnamese_and_nothing_is_written()
    {
        var body = FairBody("OtherDomestic");
        body["rentSharePercent"] = 80.5m;
        var response = await Client.PostAsJsonAsync("/api/fairs", body);
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/support-share-above-norm");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", problem.GetProperty("legalBasis").GetString());
        Assert.Contains("tối đa 80 %", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await FairCountAsync());

        body["rentSharePercent"] = 80m;
        var atCap = await CreateFairAsync(body);
        var policy = atCap.GetProperty("policy");
        Assert.Equal((80m, 80m, "2014-04-08"), (policy.GetProperty("rentSharePercent").GetDecimal(), policy.GetProperty("rentShareCapPercent").GetDecimal(),
            policy.GetProperty("rentShareCapEffectiveFrom").GetString()));

        var id = atCap.GetProperty("id").GetString();
        body["rentSharePercent"] = 100m;
        await AssertProblemAsync(await Client.PutAsJsonAsync($"/api/fairs/{id}", body), HttpStatusCode.UnprocessableEntity, "/errors/support-share-above-norm");
        var stored = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{id}");
        Assert.Equal(80m, stored.GetProperty("policy").GetProperty("rentSharePercent").GetDecimal());
    }

    [Fact]
    public async Task An_online_fair_gets_no_support_until_an_admin_enters_a_norm_which_then_caps_and_defaults_it()
    {
        var online = FairBody("Online");
        online["province"] = null;
        var none = await CreateFairAsync(online);
        Assert.Equal(0m, none.GetProperty("policy").GetProperty("rentSharePercent").GetDecimal());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("policy").GetProperty("rentShareCapPercent").ValueKind);
        online["rentSharePercent"] = 10m;
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/fairs", online), HttpStatusCode.UnprocessableEntity, "/errors/no-support-norm");

        var norm = new { kind = "Online", effectiveFrom = "2026-01-01", maxRentSharePercent = 50m, legalBasis = "Quyết định 5/2026/QĐ-UBND" };
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.PostAsJsonAsync(Norms, norm)).StatusCode);
        var admin = ClientAs(TestUser.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Norms, norm)).StatusCode);
        await AssertProblemAsync(await admin.PostAsJsonAsync(Norms, norm), HttpStatusCode.Conflict, "/errors/duplicate");

        online.Remove("rentSharePercent");
        var capped = await CreateFairAsync(online);
        Assert.Equal((50m, "Quyết định 5/2026/QĐ-UBND"), (capped.GetProperty("policy").GetProperty("rentSharePercent").GetDecimal(),
            capped.GetProperty("policy").GetProperty("rentShareCapLegalBasis").GetString()));
        var inForce = await Client.GetFromJsonAsync<JsonElement>($"{Norms}?kind=Online&on=2026-06-10");
        Assert.Equal(50m, Assert.Single(inForce.EnumerateArray()).GetProperty("maxRentSharePercent").GetDecimal());
        Assert.Equal(4, (await Client.GetFromJsonAsync<JsonElement>(Norms)).GetArrayLength());
    }

    [Fact]
    public async Task Bad_norms_are_refused_and_nothing_is_written()
    {
        var admin = ClientAs(TestUser.Admin);
        foreach (var body in new[]
        {
            "{\"kind\":\"Online\",\"effectiveFrom\":\"2026-01-01\",\"maxRentSharePercent\":100.01,\"legalBasis\":\"x\"}",
            "{\"kind\":\"Online\",\"effectiveFrom\":\"2026-01-01\",\"maxRentSharePercent\":-1,\"legalBasis\":\"x\"}",
            "{\"kind\":\"Online\",\"effectiveFrom\":\"2026-01-01\",\"maxRentSharePercent\":1e400,\"legalBasis\":\"x\"}",
            "{\"kind\":\"Online\",\"effectiveFrom\":\"2026-01-01\",\"maxRentSharePercent\":50.001,\"legalBasis\":\"x\"}",
            "{\"kind\":99,\"effectiveFrom\":\"2026-01-01\",\"maxRentSharePercent\":50,\"legalBasis\":\"x\"}",
            "{\"kind\":\"Online\",\"effectiveFrom\":\"0001-01-01\",\"maxRentSharePercent\":50,\"legalBasis\":\"x\"}",
            "{\"kind\":\"Online\",\"effectiveFrom\":\"2026-01-01\",\"maxRentSharePercent\":50,\"legalBasis\":\"a\\u0000b\"}",
            "{\"kind\":\"Online\",\"effectiveFrom\":\"2026-01-01\",\"maxRentSharePercent\":50}",
        })
        {
            var response = await admin.PostAsync(Norms, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(3, await WithDbAsync(db => db.SupportNorms.CountAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync($"{Norms}?on=0001-01-01")).StatusCode);
    }

    [Fact]
    public async Task Parallel_norms_for_one_kind_and_day_store_one()
    {
        var admin = ClientAs(TestUser.Admin);
        var responses = await Bursts.RunAsync(Bursts.Size, i => admin.PostAsJsonAsync(Norms,
            new { kind = "Online", effectiveFrom = "2026-01-01", maxRentSharePercent = 40m + i, legalBasis = $"Quyết định {i}" }));
        await Bursts.AssertNoServerErrorsAsync(responses);
        Assert.Equal(1, Bursts.Statuses(responses).GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(1, await WithDbAsync(db => db.SupportNorms.CountAsync(n => n.Kind == FairKind.Online)));
    }
}
