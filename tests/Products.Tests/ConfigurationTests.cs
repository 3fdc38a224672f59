using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Products.Tests;

/// <summary>The pass rule and the holiday calendar are configuration, read by the running service.</summary>
[Collection(ServersCollection.Name)]
public sealed class ConfigurationTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3), settings: new Dictionary<string, string>
    {
        ["Products:PassRules:100:EffectiveFrom"] = "2025-01-01",
        ["Products:PassRules:100:PassThreshold"] = "85",
        ["Products:Holidays:100"] = "2025-06-16",
    });

    public Task InitializeAsync() => _host.AddEstablishmentAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_competition_opened_under_a_newer_rule_takes_its_threshold_and_the_configured_holidays_count()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 7);
        var opened = await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        Assert.Equal(85m, opened.GetProperty("passThreshold").GetDecimal());
        Assert.Equal("2025-01-01", opened.GetProperty("passRuleEffectiveFrom").GetString());

        var entry = await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(competition, entry);
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(competition, entry, members, 30, 30);  // 80: passes at 70, not at 85
        var results = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/results");
        Assert.False(results.GetProperty("items")[0].GetProperty("passes").GetBoolean());

        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        await _host.PostAsync($"/api/products/competitions/{competition}/publish-results",
            new { decisionNumber = "1/QĐ", recognisedEntryIds = Array.Empty<Guid>() }, HttpStatusCode.OK);
        var published = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}");
        Assert.Equal("2025-06-24", published.GetProperty("complaintDeadline").GetString());
    }
}
