using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Products.Domain;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>A provincial competition run through the API on real PostgreSQL, from announcement to certificates.</summary>
[Collection(ServersCollection.Name)]
public sealed class CompetitionRunApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public async Task InitializeAsync()
    {
        await _host.AddEstablishmentAsync();
        await _host.AddEstablishmentAsync("5700200300", "Công ty Gốm Đông Triều", "Đông Triều");
        await _host.AddEstablishmentAsync("5700300400", "Cơ sở Cơ khí Cẩm Phả", "Cẩm Phả");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_competition_runs_from_entries_to_certificates_with_a_rescore_on_a_complaint()
    {
        var client = _host.Client;
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 7);
        var opened = await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        Assert.Equal(70m, opened.GetProperty("passThreshold").GetDecimal());

        var tea = await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");
        var pottery = await _host.RegisterEntryAsync(competition, "Gốm men lam", "Handicrafts", "5700200300");
        var machine = await _host.RegisterEntryAsync(competition, "Máy tuốt lúa", "MachineryAndTools", "5700300400");
        foreach (var entry in new[] { tea, pottery, machine })
        {
            await _host.AddThreePhotosAndSubmitAsync(competition, entry);
        }
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(competition, tea, members, 38, 36);      // 94
        await _host.ScoreAllAsync(competition, pottery, members, 30, 32);  // 82
        await _host.ScoreAllAsync(competition, machine, members, 25, 22);  // 67: does not pass

        var results = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/results");
        var ranked = results.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("entryId").GetGuid(), i.GetProperty("rank").GetInt32(), i.GetProperty("average").GetDecimal(), i.GetProperty("passes").GetBoolean()))
            .ToList();
        Assert.Equal([(tea, 1, 94m, true), (pottery, 2, 82m, true), (machine, 3, 67m, false)], ranked);

        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        var published = await _host.PostAsync($"/api/products/competitions/{competition}/publish-results",
            new { decisionNumber = "1234/QĐ-UBND", recognisedEntryIds = new[] { tea, pottery } }, HttpStatusCode.OK);
        Assert.Equal("ResultsPublished", published.GetProperty("status").GetString());
        var afterPublication = await client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}");
        Assert.Equal("2025-06-23", afterPublication.GetProperty("complaintDeadline").GetString());

        // A competitor complains about the pottery; the council orders a re-score and the new average fails.
        _host.Clock.SetToday(new DateOnly(2025, 6, 10));
        var complaint = (await _host.PostAsync($"/api/products/competitions/{competition}/complaints",
            new { entryId = pottery, complainant = "Cơ sở Cơ khí Cẩm Phả", content = "Sản phẩm là bản sao" }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await _host.PostAsync($"/api/products/competitions/{competition}/complaints/{complaint}/rescore", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(competition, pottery, members, 20, 25);  // 65
        var answered = await _host.PostAsync($"/api/products/competitions/{competition}/complaints/{complaint}/answer",
            new { answer = "Chấm lại: không đạt" }, HttpStatusCode.OK);
        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        Assert.Equal(82m, answered.GetProperty("averageBefore").GetDecimal());
        Assert.Equal(65m, answered.GetProperty("averageAfter").GetDecimal());
        Assert.True(answered.GetProperty("resultChanged").GetBoolean());

        _host.Clock.SetToday(new DateOnly(2025, 6, 30));
        var closed = await _host.PostAsync($"/api/products/competitions/{competition}/close", new { }, HttpStatusCode.OK);
        var certificate = Assert.Single(closed.GetProperty("certificates").EnumerateArray());
        Assert.Equal("SPTB-T-2025-001", certificate.GetProperty("number").GetString());
        Assert.Equal("Chè Đường Hoa", certificate.GetProperty("productName").GetString());
        Assert.Equal("2025-06-30", certificate.GetProperty("issuedOn").GetString());
        Assert.Equal("2027-12-31", certificate.GetProperty("expiresOn").GetString());
        Assert.Equal("Closed", closed.GetProperty("competition").GetProperty("status").GetString());

        var recognized = await _host.WithDbAsync(async db => (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(typeof(ProductRecognized).FullName!)).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<ProductRecognized>(m.Payload, JsonSerializerOptions.Web)!).ToList());
        var fact = Assert.Single(recognized);
        Assert.Equal("SPTB-T-2025-001", fact.CertificateNumber);
        Assert.Equal(Contracts.Products.RecognitionLevel.Provincial, fact.Level);
        Assert.Equal(Contracts.Products.ProductGroup.ProcessedFoodAndAgriculture, fact.Group);
        Assert.Equal(District, fact.District);
        Assert.Equal(TaxCode, fact.EstablishmentTaxCode);
        Assert.Equal(94m, fact.AverageScore);
        Assert.Equal(2025, fact.CompetitionYear);
        Assert.Equal(new DateOnly(2027, 12, 31), fact.ExpiresOn);

        var catalogue = await client.GetFromJsonAsync<JsonElement>("/api/products/catalogue");
        var listed = Assert.Single(catalogue.GetProperty("items").EnumerateArray());
        Assert.Equal("Chè Đường Hoa", listed.GetProperty("productName").GetString());
        Assert.Equal(3, listed.GetProperty("photos").GetArrayLength());
        var photo = await client.GetAsync(listed.GetProperty("photos")[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_competition_held_earlier_is_recorded_in_one_day_with_the_dates_of_its_papers()
    {
        _host.Clock.SetToday(new DateOnly(2025, 8, 1));
        var competition = (await _host.CreateCompetitionAsync("District", 2025, new(2025, 5, 1), new(2025, 6, 1))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 5);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        var entry = (await _host.PostAsync($"/api/products/competitions/{competition}/entries", new
        {
            establishmentTaxCode = TaxCode, group = "ProcessedFoodAndAgriculture", productName = "Chè Đường Hoa", description = "Chè",
            receivedOn = "2025-05-20",
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _host.AddThreePhotosAndSubmitAsync(competition, entry);
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(competition, entry, members, 30, 30);
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/competitions/{competition}/publish-results",
                new { publishedOn = "2025-05-19", decisionNumber = "7/QĐ-UBND", recognisedEntryIds = new[] { entry } }),
            HttpStatusCode.UnprocessableEntity, "/errors/results-before-entries");
        await _host.PostAsync($"/api/products/competitions/{competition}/publish-results",
            new { publishedOn = "2025-06-10", decisionNumber = "7/QĐ-UBND", recognisedEntryIds = new[] { entry } }, HttpStatusCode.OK);
        var complaint = (await _host.PostAsync($"/api/products/competitions/{competition}/complaints",
            new { entryId = entry, complainant = "HTX", content = "Đề nghị xem lại điểm", receivedOn = "2025-06-12" }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var answered = await _host.PostAsync($"/api/products/competitions/{competition}/complaints/{complaint}/answer",
            new { answer = "Giữ nguyên kết quả", answeredOn = "2025-06-15" }, HttpStatusCode.OK);
        Assert.False(answered.GetProperty("answeredLate").GetBoolean());
        Assert.False(answered.GetProperty("resultChanged").GetBoolean());

        var closed = await _host.PostAsync($"/api/products/competitions/{competition}/close", null, HttpStatusCode.OK);
        var certificate = Assert.Single(closed.GetProperty("certificates").EnumerateArray());
        Assert.Equal("SPTB-H-2025-001", certificate.GetProperty("number").GetString());
        Assert.Equal("2025-08-01", certificate.GetProperty("issuedOn").GetString());
    }

    [Fact]
    public async Task A_complaint_received_and_answered_is_published_with_its_answer_due_date()
    {
        _host.Clock.SetToday(new DateOnly(2025, 8, 1));
        var competition = (await _host.CreateCompetitionAsync("District", 2025, new(2025, 5, 1), new(2025, 6, 1))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 5);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        var entry = (await _host.PostAsync($"/api/products/competitions/{competition}/entries", new
        {
            establishmentTaxCode = TaxCode, group = "ProcessedFoodAndAgriculture", productName = "Chè Đường Hoa", description = "Chè",
            receivedOn = "2025-05-20",
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _host.AddThreePhotosAndSubmitAsync(competition, entry);
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(competition, entry, members, 30, 30);
        await _host.PostAsync($"/api/products/competitions/{competition}/publish-results",
            new { publishedOn = "2025-06-10", decisionNumber = "7/QĐ-UBND", recognisedEntryIds = new[] { entry } }, HttpStatusCode.OK);
        var filed = await _host.PostAsync($"/api/products/competitions/{competition}/complaints",
            new { entryId = entry, complainant = "HTX Chè", content = "Đề nghị xem lại điểm", receivedOn = "2025-06-12" }, HttpStatusCode.Created);
        var complaint = filed.GetProperty("id").GetGuid();

        var received = Assert.Single(await OutboxOfAsync<ComplaintReceived>());
        Assert.Equal((complaint, competition, entry, TaxCode, "Chè Đường Hoa", "HTX Chè", new DateOnly(2025, 6, 12)),
            (received.ComplaintId, received.CompetitionId, received.EntryId, received.EstablishmentTaxCode, received.ProductName, received.Complainant, received.ReceivedOn));
        Assert.Equal(DateOnly.Parse(filed.GetProperty("answerDueOn").GetString()!, CultureInfo.InvariantCulture), received.AnswerDueOn);
        Assert.Equal(TestUser.Officer.Name, received.ActedBy);
        Assert.Empty(await OutboxOfAsync<ComplaintAnswered>());

        await _host.PostAsync($"/api/products/competitions/{competition}/complaints/{complaint}/answer",
            new { answer = "Giữ nguyên kết quả", answeredOn = "2025-06-15" }, HttpStatusCode.OK);
        var answered = Assert.Single(await OutboxOfAsync<ComplaintAnswered>());
        Assert.Equal((complaint, competition, new DateOnly(2025, 6, 15), received.AnswerDueOn, false),
            (answered.ComplaintId, answered.CompetitionId, answered.AnsweredOn, answered.AnswerDueOn, answered.ResultChanged));
    }

    private Task<List<T>> OutboxOfAsync<T>() => _host.WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(typeof(T).FullName!)).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<T>(m.Payload, JsonSerializerOptions.Web)!).ToList());

    [Fact]
    public async Task Certificate_numbers_follow_on_within_a_level_and_year()
    {
        var first = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var second = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 8, 4), "Trà hoa vàng", 9);
        var district = await _host.RunToCertificateAsync("District", new DateOnly(2025, 9, 1), "Miến dong", 5);
        Assert.Equal("SPTB-T-2025-001", first.GetProperty("number").GetString());
        Assert.Equal("SPTB-T-2025-002", second.GetProperty("number").GetString());
        Assert.Equal("SPTB-H-2025-001", district.GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_council_of_the_wrong_size_is_refused_and_nothing_is_seated()
    {
        var competition = (await _host.CreateCompetitionAsync("National", 2026, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        var response = await _host.Client.PutAsJsonAsync($"/api/products/competitions/{competition}/council",
            new { members = Enumerable.Range(1, 12).Select(i => new { userId = $"juror-{i}", chair = i == 1 }) });
        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/council-size");
        Assert.Contains("11 hoặc 13", problem.GetProperty("detail").GetString());
        Assert.Contains("Điều 9", problem.GetProperty("legalBasis").GetString());
        var stored = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}");
        Assert.Equal(0, stored.GetProperty("council").GetArrayLength());
    }

    [Fact]
    public async Task A_competition_with_missing_fields_gets_a_400_naming_each()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/products/competitions",
            new { level = "Regional", year = 1999, registrationOpensOn = "2026-03-10", registrationClosesOn = "2026-03-01" });
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/validation");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "year", "region", "registrationClosesOn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(0, await _host.WithDbAsync(db => db.Competitions.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_level_is_a_400_not_a_500()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/products/competitions",
            new { title = "X", level = "Commune", year = 2025, registrationOpensOn = "2025-03-01", registrationClosesOn = "2025-03-31" });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/malformed-request");
    }

    [Fact]
    public async Task Announcing_before_the_council_is_seated_is_a_422_in_Vietnamese_naming_the_council_and_leaves_the_draft()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();

        var response = await _host.Client.PostAsync($"/api/products/competitions/{competition}/open", null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/no-council");
        Assert.Contains("còn thiếu Hội đồng bình chọn", problem.GetProperty("detail").GetString());
        var stored = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}");
        Assert.Equal("Draft", stored.GetProperty("status").GetString());

        await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_competition_is_a_404()
    {
        var response = await _host.Client.PostAsync($"/api/products/competitions/{Guid.NewGuid()}/open", null);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "/errors/not-found");
    }

    [Fact]
    public async Task Results_cannot_be_published_before_scoring_and_closing_waits_for_the_complaint_period()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        var entry = await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");
        var early = await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/competitions/{competition}/publish-results",
            new { decisionNumber = "1/QĐ", recognisedEntryIds = Array.Empty<Guid>() }), HttpStatusCode.Conflict, "/errors/illegal-transition");
        Assert.Contains("đang ở trạng thái \"Đang nhận hồ sơ\"", early.GetProperty("detail").GetString());
        await _host.AddThreePhotosAndSubmitAsync(competition, entry);
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(competition, entry, members.Take(6), 35, 35);
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/competitions/{competition}/publish-results",
            new { decisionNumber = "1/QĐ", recognisedEntryIds = new[] { entry } }), HttpStatusCode.UnprocessableEntity, "/errors/scoring-incomplete");
        await _host.ScoreAllAsync(competition, entry, members.Skip(6), 35, 35);

        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/competitions/{competition}/publish-results",
            new { publishedOn = "2025-06-03", decisionNumber = "1/QĐ", recognisedEntryIds = new[] { entry } }), HttpStatusCode.BadRequest, "/errors/validation");
        await _host.PostAsync($"/api/products/competitions/{competition}/publish-results",
            new { decisionNumber = "1/QĐ", recognisedEntryIds = new[] { entry } }, HttpStatusCode.OK);

        _host.Clock.SetToday(new DateOnly(2025, 6, 23));
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/competitions/{competition}/close", new { }),
            HttpStatusCode.UnprocessableEntity, "/errors/complaint-window-open");
        Assert.Equal(0, await _host.WithDbAsync(db => db.Certificates.CountAsync()));
    }

    [Fact]
    public async Task A_complaint_after_fifteen_working_days_is_refused()
    {
        var competition = await PublishedCompetitionAsync();
        var entry = (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/entries"))[0].GetProperty("id").GetGuid();
        _host.Clock.SetToday(new DateOnly(2025, 6, 24));
        var late = await _host.Client.PostAsJsonAsync($"/api/products/competitions/{competition}/complaints",
            new { entryId = entry, complainant = "HTX", content = "Khiếu nại" });
        await AssertProblemAsync(late, HttpStatusCode.UnprocessableEntity, "/errors/complaint-window-closed");
        var onTime = await _host.Client.PostAsJsonAsync($"/api/products/competitions/{competition}/complaints",
            new { entryId = entry, complainant = "HTX", content = "Khiếu nại", receivedOn = "2025-06-23" });
        var filed = await ExpectAsync(onTime, HttpStatusCode.Created);
        Assert.Equal("2025-07-07", filed.GetProperty("answerDueOn").GetString());
    }

    private async Task<Guid> PublishedCompetitionAsync()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        var entry = await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(competition, entry);
        await _host.PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(competition, entry, members, 35, 35);
        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        await _host.PostAsync($"/api/products/competitions/{competition}/publish-results",
            new { decisionNumber = "1/QĐ", recognisedEntryIds = new[] { entry } }, HttpStatusCode.OK);
        return competition;
    }
}
