using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>Entries, the photos their dossier needs and the jury's score sheets through the API, with the input the rules refuse.</summary>
[Collection(ServersCollection.Name)]
public sealed class EntriesAndScoringApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));
    private Guid _competition;
    private List<Guid> _members = [];

    public async Task InitializeAsync()
    {
        await _host.AddEstablishmentAsync();
        _competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        _members = await _host.SetCouncilAsync(_competition, 7);
        await _host.PostAsync($"/api/products/competitions/{_competition}/open", null, HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string EntryPath(Guid entry) => $"/api/products/competitions/{_competition}/entries/{entry}";

    private async Task<Guid> ScoringEntryAsync()
    {
        var entry = await _host.RegisterEntryAsync(_competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(_competition, entry);
        await _host.PostAsync($"/api/products/competitions/{_competition}/start-scoring", null, HttpStatusCode.OK);
        return entry;
    }

    [Fact]
    public async Task An_entry_of_an_establishment_missing_from_the_registry_is_refused()
    {
        var response = await _host.Client.PostAsJsonAsync($"/api/products/competitions/{_competition}/entries", new
        {
            establishmentTaxCode = "0100000000", group = "Handicrafts", productName = "Nón lá", description = "Nón lá truyền thống",
        });
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/unknown-establishment");
    }

    [Fact]
    public async Task An_entry_with_bad_fields_gets_a_400_naming_each()
    {
        var response = await _host.Client.PostAsJsonAsync($"/api/products/competitions/{_competition}/entries",
            new { establishmentTaxCode = "57001", productName = "", receivedOn = "2025-03-04" });
        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/validation")).GetProperty("errors");
        foreach (var field in new[] { "establishmentTaxCode", "group", "productName", "description", "receivedOn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task A_dossier_received_after_registration_closed_is_refused()
    {
        _host.Clock.SetToday(new DateOnly(2025, 4, 2));
        var response = await _host.Client.PostAsJsonAsync($"/api/products/competitions/{_competition}/entries", new
        {
            establishmentTaxCode = TaxCode, group = "Handicrafts", productName = "Nón lá", description = "Nón lá truyền thống",
        });
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/outside-registration-window");
    }

    [Fact]
    public async Task A_submitted_entry_keeps_its_third_photo_until_another_is_added()
    {
        var entry = await _host.RegisterEntryAsync(_competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(_competition, entry);
        var files = $"{EntryPath(entry)}/attachments";
        var photos = (await ExpectAsync(await _host.Client.GetAsync(files), HttpStatusCode.OK)).EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();

        var refused = await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"{files}/{photos[0]}/withdraw", new { reason = "Ảnh mờ" }),
            HttpStatusCode.UnprocessableEntity, "/errors/too-few-photos");
        Assert.Equal("Hồ sơ của sản phẩm 'Chè Đường Hoa' đã nộp; rút ảnh này thì chỉ còn 2 ảnh, trong khi Điều 12 khoản 1 điểm b yêu cầu ít nhất 3 ảnh. "
            + "Hãy bổ sung ảnh khác trước.", refused.GetProperty("detail").GetString());
        var english = new HttpRequestMessage(HttpMethod.Post, $"{files}/{photos[0]}/withdraw") { Content = JsonContent.Create(new { reason = "Blurred" }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await AssertProblemAsync(await _host.Client.SendAsync(english), HttpStatusCode.UnprocessableEntity, "/errors/too-few-photos");
        Assert.Contains("withdrawing this photo would leave 2", inEnglish.GetProperty("detail").GetString());
        var listed = (await ExpectAsync(await _host.Client.GetAsync(files), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.All(listed, a => Assert.False(a.GetProperty("withdrawn").GetBoolean()));
        Assert.DoesNotContain((await ExpectAsync(await _host.Client.GetAsync($"/api/products/competitions/{_competition}/history"), HttpStatusCode.OK))
            .EnumerateArray(), e => e.GetProperty("kind").GetString() == "competition-entry-attachment-withdrawn");

        // The Centre adds a fourth photo to the submitted dossier; then one of them may go, and no other.
        await ExpectAsync(await _host.AttachPhotoAsync(_competition, entry, "sau.png"), HttpStatusCode.Created);
        await _host.PostAsync($"{files}/{photos[0]}/withdraw", new { reason = "Ảnh mờ" }, HttpStatusCode.OK);
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"{files}/{photos[0]}/withdraw", new { reason = "Ảnh mờ" }),
            HttpStatusCode.Conflict, "/errors/attachment-withdrawn");
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"{files}/{photos[1]}/withdraw", new { reason = "Ảnh mờ" }),
            HttpStatusCode.UnprocessableEntity, "/errors/too-few-photos");
        Assert.Equal(3, (await ExpectAsync(await _host.Client.GetAsync(EntryPath(entry)), HttpStatusCode.OK)).GetProperty("photoCount").GetInt32());
    }

    [Fact]
    public async Task An_entry_with_fewer_than_three_photos_cannot_be_submitted_nor_scored()
    {
        var entry = await _host.RegisterEntryAsync(_competition, "Chè Đường Hoa");
        var files = $"{EntryPath(entry)}/attachments";
        await ExpectAsync(await _host.AttachPhotoAsync(_competition, entry, "a.png"), HttpStatusCode.Created);
        await ExpectAsync(await _host.AttachPhotoAsync(_competition, entry, "b.png"), HttpStatusCode.Created);
        // Neither a photo withdrawn nor a picture filed as another paper counts; a document is refused as a photo outright.
        var withdrawn = (await ExpectAsync(await _host.AttachPhotoAsync(_competition, entry, "c.png"), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _host.PostAsync($"{files}/{withdrawn}/withdraw", new { reason = "Chụp nhầm sản phẩm" }, HttpStatusCode.OK);
        await ExpectAsync(await _host.Client.PostAsync(files, SampleFiles.Upload(SampleFiles.Picture(30, 20), "giay-phep.png", "EntryDossier")), HttpStatusCode.Created);
        await AssertProblemAsync(await _host.Client.PostAsync(files, SampleFiles.Upload(SampleFiles.Pdf(), "anh.pdf", "ProductPhoto")),
            HttpStatusCode.UnsupportedMediaType, "/errors/not-a-picture");
        Assert.Equal(2, (await ExpectAsync(await _host.Client.GetAsync(EntryPath(entry)), HttpStatusCode.OK)).GetProperty("photoCount").GetInt32());

        var refused = await AssertProblemAsync(await _host.Client.PostAsync($"{EntryPath(entry)}/submit", null), HttpStatusCode.UnprocessableEntity, "/errors/too-few-photos");
        Assert.Equal("Hồ sơ của sản phẩm 'Chè Đường Hoa' có 2 ảnh; Điều 12 khoản 1 điểm b yêu cầu ít nhất 3 ảnh (chính diện, bên cạnh, phía trên).",
            refused.GetProperty("detail").GetString());
        var english = new HttpRequestMessage(HttpMethod.Post, $"{EntryPath(entry)}/submit");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await AssertProblemAsync(await _host.Client.SendAsync(english), HttpStatusCode.UnprocessableEntity, "/errors/too-few-photos");
        Assert.Contains("has 2 photo(s)", inEnglish.GetProperty("detail").GetString());
        Assert.Equal("Draft", (await ExpectAsync(await _host.Client.GetAsync(EntryPath(entry)), HttpStatusCode.OK)).GetProperty("status").GetString());

        var other = await _host.RegisterEntryAsync(_competition, "Trà hoa vàng");
        await _host.AddThreePhotosAndSubmitAsync(_competition, other);
        await _host.PostAsync($"/api/products/competitions/{_competition}/start-scoring", null, HttpStatusCode.OK);
        await AssertProblemAsync(await _host.ScoreAsync(_competition, entry, _members[0], 30, 30), HttpStatusCode.Conflict, "/errors/illegal-state");
    }

    [Fact]
    public async Task A_score_above_a_criterions_maximum_is_refused_and_not_stored()
    {
        var entry = await ScoringEntryAsync();
        var problem = await AssertProblemAsync(await _host.ScoreAsync(_competition, entry, _members[0], 41, 30), HttpStatusCode.UnprocessableEntity, "/errors/score-out-of-range");
        Assert.Contains("đáp ứng thị trường", problem.GetProperty("detail").GetString());
        Assert.Contains("Phụ lục 3, 4", problem.GetProperty("legalBasis").GetString());
        await AssertProblemAsync(await _host.ScoreAsync(_competition, entry, _members[0], 30, 30, cultural: -1), HttpStatusCode.UnprocessableEntity, "/errors/score-out-of-range");
        await AssertProblemAsync(await _host.ScoreAsync(_competition, entry, _members[0], 30, 30, other: 10.5m), HttpStatusCode.UnprocessableEntity, "/errors/score-out-of-range");
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Domain.Score>().CountAsync()));
    }

    [Fact]
    public async Task A_score_with_missing_criteria_is_a_400()
    {
        var entry = await ScoringEntryAsync();
        var response = await _host.Client.PostAsJsonAsync($"{EntryPath(entry)}/scores", new { market = 30 });
        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/validation")).GetProperty("errors");
        // Without 'memberId' the sheet is for the caller's own seat; the three missing criteria are named.
        Assert.Equal(["cultural", "other", "technical"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Someone_outside_the_jury_cannot_score()
    {
        var entry = await ScoringEntryAsync();
        var other = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        var memberOfAnotherJury = (await _host.SetCouncilAsync(other, 7))[0];
        foreach (var outsider in new[] { Guid.NewGuid(), memberOfAnotherJury })
        {
            await AssertProblemAsync(await _host.ScoreAsync(_competition, entry, outsider, 30, 30), HttpStatusCode.UnprocessableEntity, "/errors/not-a-jury-member");
        }
    }

    [Fact]
    public async Task Scoring_before_scoring_starts_and_after_the_results_is_refused()
    {
        var entry = await _host.RegisterEntryAsync(_competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(_competition, entry);
        await AssertProblemAsync(await _host.ScoreAsync(_competition, entry, _members[0], 30, 30), HttpStatusCode.Conflict, "/errors/illegal-state");
        await _host.PostAsync($"/api/products/competitions/{_competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(_competition, entry, _members, 30, 30);
        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        await _host.PostAsync($"/api/products/competitions/{_competition}/publish-results",
            new { decisionNumber = "1/QĐ", recognisedEntryIds = new[] { entry } }, HttpStatusCode.OK);

        var late = await _host.ScoreAsync(_competition, entry, _members[0], 10, 10);
        await AssertProblemAsync(late, HttpStatusCode.Conflict, "/errors/illegal-state");
        var results = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{_competition}/results");
        Assert.Equal(80m, results.GetProperty("items")[0].GetProperty("average").GetDecimal());
    }

    [Fact]
    public async Task A_member_correcting_a_sheet_replaces_it()
    {
        var entry = await ScoringEntryAsync();
        await ExpectAsync(await _host.ScoreAsync(_competition, entry, _members[0], 10, 10), HttpStatusCode.OK);
        var corrected = await ExpectAsync(await _host.ScoreAsync(_competition, entry, _members[0], 40, 40), HttpStatusCode.OK);
        Assert.Equal(100m, corrected.GetProperty("total").GetDecimal());
        var stored = await _host.Client.GetFromJsonAsync<JsonElement>(EntryPath(entry));
        Assert.Equal(1, stored.GetProperty("scoresReceived").GetInt32());
    }
}
