using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// A competition's history: every command adds its entry in its own transaction, with the facts of the act (the
/// council, each score sheet by its member's name with its total, the results' decision, the recognitions); a
/// refused command adds none; parallel score sheets lose none.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CompetitionHistoryTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public Task InitializeAsync() => _host.AddEstablishmentAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<JsonElement>> HistoryAsync(Guid competition, HttpClient? client = null) =>
        (await (client ?? _host.Client).GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/history")).EnumerateArray().ToList();

    private static List<string> KindsOf(IEnumerable<JsonElement> entries) => entries.Select(e => e.GetProperty("kind").GetString()!).ToList();

    [Fact]
    public async Task Every_command_from_the_council_to_the_recognition_adds_its_entry_with_its_facts()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        var tea = await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(competition, tea);
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(competition, tea, members, 38, 36);
        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        await _host.PostAsync($"/api/products/competitions/{competition}/publish-results",
            new { decisionNumber = "1234/QĐ-UBND", recognisedEntryIds = new[] { tea } }, HttpStatusCode.OK);
        _host.Clock.SetToday(new DateOnly(2025, 6, 30));
        await _host.PostAsync($"/api/products/competitions/{competition}/close", new { }, HttpStatusCode.OK);

        var history = await HistoryAsync(competition);

        Assert.Equal(
            ["competition-created", "competition-council-set", "competition-opened", "competition-entry-registered",
             .. Enumerable.Repeat("competition-entry-attachment-added", 3), "competition-entry-submitted",
             "competition-scoring-started", .. Enumerable.Repeat("competition-sheet-submitted", 7),
             "competition-results-published", "competition-closed", "competition-product-recognised"],
            KindsOf(history));
        Assert.Equal(7, history[1].GetProperty("amount").GetInt64());
        Assert.StartsWith("Giám khảo 1; Giám khảo 2", history[1].GetProperty("subject").GetString());
        var sheets = history.Where(e => e.GetProperty("kind").GetString() == "competition-sheet-submitted").ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"Giám khảo {i}"), sheets.Select(s => s.GetProperty("document").GetString()));
        Assert.All(sheets, s => Assert.Equal(("Chè Đường Hoa", 94m), (s.GetProperty("subject").GetString(), s.GetProperty("score").GetDecimal())));
        var published = history[^3];
        Assert.Equal(("1234/QĐ-UBND", "2025-06-02", 1L),
            (published.GetProperty("document").GetString(), published.GetProperty("occurredOn").GetString(), published.GetProperty("amount").GetInt64()));
        var recognised = history[^1];
        Assert.Equal(("Chè Đường Hoa", "SPTB-T-2025-001"), (recognised.GetProperty("subject").GetString(), recognised.GetProperty("document").GetString()));
    }

    [Fact]
    public async Task The_start_of_scoring_and_each_score_sheet_bear_the_day_they_were_given()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        var tea = await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(competition, tea);
        _host.Clock.SetToday(new DateOnly(2025, 5, 6));
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        _host.Clock.SetToday(new DateOnly(2025, 5, 8));
        await _host.ScoreAllAsync(competition, tea, members, 38, 36);

        var history = await HistoryAsync(competition);

        Assert.Equal("2025-05-06", history.Single(e => e.GetProperty("kind").GetString() == "competition-scoring-started").GetProperty("occurredOn").GetString());
        var sheets = history.Where(e => e.GetProperty("kind").GetString() == "competition-sheet-submitted").ToList();
        Assert.Equal(7, sheets.Count);
        Assert.All(sheets, s => Assert.Equal("2025-05-08", s.GetProperty("occurredOn").GetString()));
    }

    [Fact]
    public async Task A_refused_command_adds_no_entry()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();

        // A provincial council of five is refused (seven or nine), and so is scoring before the competition opens.
        var council = await _host.Client.PutAsJsonAsync($"/api/products/competitions/{competition}/council",
            new { members = Enumerable.Range(1, 5).Select(i => new { userId = "officer", chair = i == 1 }) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, council.StatusCode);
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.Conflict);

        Assert.Equal(["competition-created"], KindsOf(await HistoryAsync(competition)));
    }

    [Fact]
    public async Task Parallel_score_sheets_each_add_one_entry_and_none_is_lost()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        var tea = await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(competition, tea);
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);

        var answers = await Task.WhenAll(members.Select(m => _host.ScoreAsync(competition, tea, m, 30, 30)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var sheets = (await HistoryAsync(competition)).Where(e => e.GetProperty("kind").GetString() == "competition-sheet-submitted").ToList();
        Assert.Equal(7, sheets.Select(s => s.GetProperty("document").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task An_establishment_reads_the_history_without_the_entries_and_their_scores()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");

        var history = await HistoryAsync(competition, _host.ClientAs(TestUser.Establishment("5799999999")));

        var registered = Assert.Single(history, e => e.GetProperty("kind").GetString() == "competition-entry-registered");
        Assert.Equal(JsonValueKind.Null, registered.GetProperty("subject").ValueKind);
        Assert.Contains("competition-opened", KindsOf(history));
    }
}
