using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// Parallel commands on one competition on real PostgreSQL: the competition is the aggregate of its entries,
/// photos, score sheets, complaints and jury, so its row lock serialises them and its rules hold in any interleaving.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ConcurrencyTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string Competitions = "/api/products/competitions";
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public async Task InitializeAsync() => await _host.AddEstablishmentAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> OpenCompetitionAsync(int councilSize = 7)
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(competition, councilSize);
        await _host.PostAsync($"{Competitions}/{competition}/open", null, HttpStatusCode.OK);
        return competition;
    }

    [Fact]
    public async Task Photos_withdrawn_while_the_entry_is_submitted_never_leave_a_submitted_dossier_with_fewer_than_three()
    {
        var competition = await OpenCompetitionAsync();
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var entry = await _host.RegisterEntryAsync(competition, $"Sản phẩm {burst}");
            var files = $"{Competitions}/{competition}/entries/{entry}";
            var photos = new List<Guid>();
            foreach (var name in new[] { "truoc.png", "ben.png", "tren.png", "sau.png" })
            {
                photos.Add((await ExpectAsync(await _host.AttachPhotoAsync(competition, entry, name), HttpStatusCode.Created)).GetProperty("id").GetGuid());
            }

            // The submission and the withdrawal of every photo at once, by the Centre, who may withdraw at any time.
            var responses = await Bursts.RunAsync(photos.Count + 1, i => i == photos.Count
                ? _host.Client.PostAsync($"{files}/submit", null)
                : _host.Client.PostAsJsonAsync($"{files}/attachments/{photos[i]}/withdraw", new { reason = "Ảnh mờ" }));

            await Bursts.AssertNoServerErrorsAsync(responses);
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
            var now = await ExpectAsync(await _host.Client.GetAsync(files), HttpStatusCode.OK);
            var left = now.GetProperty("photoCount").GetInt32();
            var withdrawn = responses.Take(photos.Count).Count(r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(photos.Count - withdrawn, left);
            if (responses[^1].StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("Submitted", now.GetProperty("status").GetString());
                Assert.True(left >= 3, $"a submitted dossier was left with {left} photos");
            }
            else
            {
                Assert.Equal("Draft", now.GetProperty("status").GetString());
                Assert.True(left < 3, $"the submission of a dossier of {left} photos was refused");
            }
        }
    }

    [Fact]
    public async Task Parallel_sheets_of_one_member_leave_one_sheet_and_parallel_state_moves_let_one_win()
    {
        var competition = await OpenCompetitionAsync();
        var members = (await _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}/{competition}")).GetProperty("council")
            .EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        var entries = new List<Guid>();
        foreach (var product in new[] { "Chè Đường Hoa", "Nước mắm Cái Rồng", "Gốm Đông Triều" })
        {
            var entry = await _host.RegisterEntryAsync(competition, product);
            await _host.AddThreePhotosAndSubmitAsync(competition, entry);
            entries.Add(entry);
        }

        // Twenty parallel moves out of Open: exactly one starts the scoring.
        await AssertOneWinsAsync(i => _host.Client.PostAsync($"{Competitions}/{competition}/start-scoring", null));

        // Every (entry, member) pair is scored by a burst of twenty sheets of that one member: one sheet stays, the last one's.
        var pairs = entries.SelectMany(e => members.Select(m => (Entry: e, Member: m))).ToList();
        Assert.True(pairs.Count > Bursts.Repetitions);
        foreach (var (entry, member) in pairs)
        {
            var responses = await Bursts.RunAsync(Bursts.Size, i => _host.ScoreAsync(competition, entry, member, 20 + i, 30));
            await Bursts.AssertNoServerErrorsAsync(responses);
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var sheets = await _host.WithDbAsync(db => db.Entries.Where(e => e.Id == entry)
                .SelectMany(e => e.Scores).Where(s => s.MemberId == member).Select(s => s.Market).ToListAsync());
            var market = Assert.Single(sheets);
            Assert.InRange(market, 20m, 20m + Bursts.Size - 1);
        }

        // Every entry fully scored: twenty parallel publications, one wins, the others find the results published.
        _host.Clock.SetToday(new DateOnly(2025, 4, 15));
        await AssertOneWinsAsync(i => _host.Client.PostAsJsonAsync($"{Competitions}/{competition}/publish-results",
            new { decisionNumber = $"{i}/QĐ", recognisedEntryIds = Array.Empty<Guid>() }));
        var published = await _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}/{competition}");
        Assert.Equal("ResultsPublished", published.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Parallel_openings_of_one_competition_let_exactly_one_through_in_every_burst()
    {
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var competition = (await _host.CreateCompetitionAsync("District", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
            await _host.SetCouncilAsync(competition, 5);
            await AssertOneWinsAsync(i => _host.Client.PostAsync($"{Competitions}/{competition}/open", null));
        }
    }

    [Fact]
    public async Task A_repeated_creation_with_one_idempotency_key_creates_one_competition_and_replays_the_answer()
    {
        var key = Guid.NewGuid().ToString();
        var first = await _host.Client.SendAsync(CreateRequest("Bình chọn cấp tỉnh 2025").WithKey(key));
        var again = await _host.Client.SendAsync(CreateRequest("Bình chọn cấp tỉnh 2025").WithKey(key));
        var body = await ExpectAsync(first, HttpStatusCode.Created);
        Assert.Equal(body.GetRawText(), (await ExpectAsync(again, HttpStatusCode.Created)).GetRawText());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.NotNull(again.Headers.Location);
        Assert.True(again.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
        Assert.Equal(1, await _host.WithDbAsync(db => db.Competitions.CountAsync(c => c.Title == "Bình chọn cấp tỉnh 2025")));

        await AssertProblemAsync(await _host.Client.SendAsync(CreateRequest("Một cuộc khác").WithKey(key)),
            HttpStatusCode.UnprocessableEntity, "/errors/idempotency-key-reused");
        Assert.Equal(0, await _host.WithDbAsync(db => db.Competitions.CountAsync(c => c.Title == "Một cuộc khác")));

        var parallelKey = Guid.NewGuid().ToString();
        var responses = await Bursts.RunAsync(Bursts.Size, _ => _host.Client.SendAsync(CreateRequest("Bình chọn song song").WithKey(parallelKey)));
        await AssertOneAnswerAsync(responses);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Competitions.CountAsync(c => c.Title == "Bình chọn song song")));
    }

    [Fact]
    public async Task A_repeated_registration_with_one_idempotency_key_registers_one_entry()
    {
        var competition = await OpenCompetitionAsync();
        var path = $"{Competitions}/{competition}/entries";
        HttpRequestMessage Register(string product) => new(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new
            {
                establishmentTaxCode = TaxCode, group = "Handicrafts", productName = product, description = "Nón lá truyền thống",
            }),
        };

        var key = Guid.NewGuid().ToString();
        var first = await _host.Client.SendAsync(Register("Nón lá").WithKey(key));
        var again = await _host.Client.SendAsync(Register("Nón lá").WithKey(key));
        Assert.Equal((await ExpectAsync(first, HttpStatusCode.Created)).GetRawText(), (await ExpectAsync(again, HttpStatusCode.Created)).GetRawText());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        await AssertProblemAsync(await _host.Client.SendAsync(Register("Chổi đót").WithKey(key)),
            HttpStatusCode.UnprocessableEntity, "/errors/idempotency-key-reused");

        var parallelKey = Guid.NewGuid().ToString();
        await AssertOneAnswerAsync(await Bursts.RunAsync(Bursts.Size, _ => _host.Client.SendAsync(Register("Mành tre").WithKey(parallelKey))));
        var products = await _host.WithDbAsync(db => db.Entries.Where(e => e.CompetitionId == competition).Select(e => e.ProductName).ToListAsync());
        Assert.Equal(["Mành tre", "Nón lá"], products.Order());
    }

    private static HttpRequestMessage CreateRequest(string title) => new(HttpMethod.Post, Competitions)
    {
        Content = JsonContent.Create(new
        {
            title, level = "Provincial", year = 2025, registrationOpensOn = "2025-03-01", registrationClosesOn = "2025-03-31",
        }),
    };

    /// <summary>A burst of the same move: exactly one 200, every other a 409, no 5xx.</summary>
    private static async Task AssertOneWinsAsync(Func<int, Task<HttpResponseMessage>> send)
    {
        var responses = await Bursts.RunAsync(Bursts.Size, send);
        await Bursts.AssertNoServerErrorsAsync(responses);
        var statuses = Bursts.Statuses(responses);
        Assert.Equal(1, statuses.GetValueOrDefault(HttpStatusCode.OK));
        Assert.Equal(Bursts.Size - 1, statuses.GetValueOrDefault(HttpStatusCode.Conflict));
    }

    /// <summary>A burst of one request under one key: every answer is the first one's, with its Location.</summary>
    private static async Task AssertOneAnswerAsync(IReadOnlyList<HttpResponseMessage> responses)
    {
        await Bursts.AssertNoServerErrorsAsync(responses);
        foreach (var response in responses)
        {
            await ExpectAsync(response, HttpStatusCode.Created);
        }
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.NotNull(responses[0].Headers.Location);
        Assert.Equal(Bursts.Size - 1, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
    }
}
