using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>
/// A fair's history: every command adds its entry in its own transaction, naming the officer, with the facts of
/// the act (the establishment, the booths, the override's reason, the day held); a refused command adds none;
/// parallel registrations lose none; a reader outside the Centre does not see who registered.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FairHistoryTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private static readonly TestUser Lan = TestUser.Officer with { Subject = "officer-lan", DisplayName = "Nguyễn Thị Lan" };

    private async Task<List<JsonElement>> HistoryAsync(string fairId, HttpClient? client = null) =>
        (await (client ?? Client).GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/history")).EnumerateArray().ToList();

    private static List<string> KindsOf(IEnumerable<JsonElement> entries) => entries.Select(e => e.GetProperty("kind").GetString()!).ToList();

    [Fact]
    public async Task Every_command_from_creation_to_closing_adds_its_entry_with_its_facts()
    {
        await KnowEstablishmentAsync("5710000001");
        await KnowEstablishmentAsync("5710000002");
        var lan = ClientAs(Lan);
        var created = await lan.PostAsJsonAsync("/api/fairs", FairBody(booths: 2));
        var fairId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var edit = FairBody(booths: 1);
        edit["venue"] = "Nhà văn hóa thành phố Hạ Long";
        Assert.Equal(HttpStatusCode.OK, (await lan.PutAsJsonAsync($"/api/fairs/{fairId}", edit)).StatusCode);
        await PostOkAsync($"/api/fairs/{fairId}/publish");
        var first = await RegisteredAsync(fairId, "5710000001");
        Clock.SetTo(Start.AddMinutes(5));
        await RegisteredAsync(fairId, "5710000002");
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        await PostOkAsync($"/api/fairs/{fairId}/allocation");
        await PutOkAsync($"/api/fairs/{fairId}/registrations/{first}/allocation", new { booths = 0, reason = "Cơ sở xin rút" });
        Clock.SetTo(new DateTimeOffset(2026, 6, 11, 9, 0, 0, TimeSpan.FromHours(7)));
        await PostOkAsync($"/api/fairs/{fairId}/held", new { heldOn = "2026-06-10" });
        await PostOkAsync($"/api/fairs/{fairId}/close");

        var history = await HistoryAsync(fairId);

        Assert.Equal(
            ["fair-created", "fair-revised", "fair-published", "fair-registration-received", "fair-registration-received", "fair-registration-closed",
             "fair-allocated", "fair-allocation-overridden", "fair-held", "fair-closed"],
            KindsOf(history));
        Assert.Equal(["Nguyễn Thị Lan", "Nguyễn Thị Lan"], history.Take(2).Select(e => e.GetProperty("actedByName").GetString()));
        Assert.Equal("officer", history[2].GetProperty("actedByName").GetString());
        var changes = history[1].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        Assert.Equal(["venue", "boothCount"], changes);
        Assert.Equal("HTX chè 5710000001", history[3].GetProperty("subject").GetString());
        Assert.Equal(1, history[6].GetProperty("amount").GetInt64());
        Assert.Equal(("HTX chè 5710000001", 0L, "Cơ sở xin rút"),
            (history[7].GetProperty("subject").GetString(), history[7].GetProperty("amount").GetInt64(), history[7].GetProperty("reason").GetString()));
        Assert.Equal("2026-06-10", history[8].GetProperty("occurredOn").GetString());
    }

    [Fact]
    public async Task Closing_registration_allocating_and_closing_bear_the_provinces_day_beside_the_recording_time()
    {
        await KnowEstablishmentAsync("5710000003");
        var fairId = (await (await Client.PostAsJsonAsync("/api/fairs", FairBody(booths: 2))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await PostOkAsync($"/api/fairs/{fairId}/publish");
        var registration = await RegisteredAsync(fairId, "5710000003");
        // Half past one in the morning in Quảng Ninh is still the day before in UTC: the act bears the province's day.
        var night = new DateTimeOffset(2026, 5, 20, 18, 30, 0, TimeSpan.Zero);
        Clock.SetTo(night);
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        await PostOkAsync($"/api/fairs/{fairId}/allocation");
        await PutOkAsync($"/api/fairs/{fairId}/registrations/{registration}/allocation", new { booths = 0, reason = "Cơ sở xin rút" });
        Clock.SetTo(new DateTimeOffset(2026, 6, 11, 9, 0, 0, TimeSpan.FromHours(7)));
        await PostOkAsync($"/api/fairs/{fairId}/held", new { heldOn = "2026-06-10" });
        await PostOkAsync($"/api/fairs/{fairId}/close");

        var history = await HistoryAsync(fairId);

        var dayOf = history.ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.TryGetProperty("occurredOn", out var day) ? day.GetString() : null);
        Assert.Equal(("2026-05-21", "2026-05-21", "2026-05-21", "2026-06-11"),
            (dayOf["fair-registration-closed"], dayOf["fair-allocated"], dayOf["fair-allocation-overridden"], dayOf["fair-closed"]));
        var allocated = history.Single(e => e.GetProperty("kind").GetString() == "fair-allocated");
        Assert.Equal(night, allocated.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_refused_command_adds_no_entry_and_a_cancellation_keeps_its_reason()
    {
        var fairId = (await CreateFairAsync()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/api/fairs/{fairId}/allocation", null)).StatusCode);
        Assert.Equal(["fair-created"], KindsOf(await HistoryAsync(fairId)));

        await PostOkAsync($"/api/fairs/{fairId}/cancel", new { reason = "Ban tổ chức hoãn hội chợ" });

        var history = await HistoryAsync(fairId);
        Assert.Equal(["fair-created", "fair-cancelled"], KindsOf(history));
        Assert.Equal("Ban tổ chức hoãn hội chợ", history[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Parallel_registrations_each_add_one_entry_and_none_is_lost()
    {
        const int establishments = 8;
        var taxCodes = Enumerable.Range(1, establishments).Select(i => $"57200000{i:D2}").ToList();
        foreach (var taxCode in taxCodes)
        {
            await KnowEstablishmentAsync(taxCode);
        }
        var fairId = await OpenFairAsync();

        var answers = await Bursts.RunAsync(establishments, i => RegisterAsync(fairId, taxCodes[i]));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));

        var received = (await HistoryAsync(fairId)).Where(e => e.GetProperty("kind").GetString() == "fair-registration-received").ToList();
        Assert.Equal(taxCodes.Select(t => $"HTX chè {t}").Order(), received.Select(e => e.GetProperty("subject").GetString()).Order());
    }

    [Fact]
    public async Task A_reader_outside_the_Centre_reads_the_history_without_who_registered()
    {
        await KnowEstablishmentAsync("5730000001");
        var fairId = await OpenFairAsync();
        await RegisteredAsync(fairId, "5730000001");

        var history = await HistoryAsync(fairId, ClientAs(TestUser.Establishment("5730000099")));

        var received = Assert.Single(history, e => e.GetProperty("kind").GetString() == "fair-registration-received");
        Assert.Equal(JsonValueKind.Null, received.GetProperty("subject").ValueKind);
        Assert.Equal(JsonValueKind.Null, received.GetProperty("amount").ValueKind);
    }
}
