using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Fairs;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

[Collection(ServersCollection.Name)]
public sealed class FairsApiTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private static readonly DateTimeOffset FairDay = new(2026, 6, 11, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_fair_runs_from_publication_through_explained_allocation_to_outcomes()
    {
        await KnowEstablishmentAsync("5700000001");
        await KnowEstablishmentAsync("5700000002", priorityArea: true, district: "Bình Liêu");
        await KnowEstablishmentAsync("5700000003");
        await KnowCertificateAsync("5700000003", "22/2025/CN-TB");
        var fairId = await OpenFairAsync(FairBody("OtherDomestic", booths: 3));

        var first = await RegisteredAsync(fairId, "5700000001", booths: 2);
        Clock.SetTo(Start.AddMinutes(5));
        var second = await RegisteredAsync(fairId, "5700000002", booths: 2);
        Clock.SetTo(Start.AddMinutes(10));
        var third = await RegisteredAsync(fairId, "5700000003", booths: 1);
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        var allocation = await PostOkAsync($"/api/fairs/{fairId}/allocation");

        var results = allocation.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([third, second, first], results.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(
            "Được phân 1 gian hàng: có giấy chứng nhận sản phẩm CNNT tiêu biểu cấp tỉnh số 22/2025/CN-TB còn hiệu lực (ưu tiên 1), đăng ký lúc 02/03/2026 10:25, thứ 1 trong thứ tự phân gian hàng.",
            results[0].GetProperty("reason").GetString());
        Assert.Equal((2, 19_200_000L), (results[1].GetProperty("boothsAllocated").GetInt32(), results[1].GetProperty("support").GetInt64())); // 2 × 12,000,000 × 80 %
        Assert.Equal(("WaitListed", 1), (results[2].GetProperty("status").GetString(), results[2].GetProperty("waitListPosition").GetInt32()));
        Assert.StartsWith("Vào danh sách chờ: cả 3 gian hàng đã được phân cho các đăng ký đứng trước trong thứ tự", results[2].GetProperty("reason").GetString());
        Assert.Contains("ưu tiên 1", allocation.GetProperty("rule").GetString());
        Assert.Equal(0, allocation.GetProperty("boothsLeft").GetInt32());

        var overridden = await PutOkAsync($"/api/fairs/{fairId}/registrations/{second}/allocation", new { booths = 1, reason = "Cơ sở chỉ cần một gian hàng" });
        Assert.StartsWith("Cán bộ officer điều chỉnh", overridden.GetProperty("registration").GetProperty("reason").GetString());
        Assert.Equal("Cơ sở chỉ cần một gian hàng", overridden.GetProperty("overrideReason").GetString());
        await PutOkAsync($"/api/fairs/{fairId}/registrations/{first}/allocation", new { booths = 1, reason = "Gian hàng được trả lại" });

        Clock.SetTo(FairDay);
        await PostOkAsync($"/api/fairs/{fairId}/held");
        await PutOkAsync($"/api/fairs/{fairId}/registrations/{third}/outcome", new { contractsSigned = 2, contractValue = 300_000_000, sales = 45_000_000, visitors = 600 });
        await PutOkAsync($"/api/fairs/{fairId}/registrations/{second}/outcome", new { contractsSigned = 0, contractValue = 0, sales = 8_000_000, visitors = 150 });
        await PutOkAsync($"/api/fairs/{fairId}/registrations/{first}/outcome", new { contractsSigned = 1, contractValue = 50_000_000, sales = 10_000_000, visitors = 250 });
        var outcomes = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/outcomes");
        var closed = await PostOkAsync($"/api/fairs/{fairId}/close");

        var totals = outcomes.GetProperty("totals");
        Assert.Equal((3, 3, 3), (totals.GetProperty("participants").GetInt32(), totals.GetProperty("participantsReported").GetInt32(), totals.GetProperty("booths").GetInt32()));
        Assert.Equal((3, 350_000_000L, 63_000_000L, 1000), (totals.GetProperty("contractsSigned").GetInt32(), totals.GetProperty("contractValue").GetInt64(),
            totals.GetProperty("sales").GetInt64(), totals.GetProperty("visitors").GetInt32()));
        Assert.Equal(3 * 9_600_000L, totals.GetProperty("totalSupport").GetInt64());
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        Assert.Equal(
            ["FairScheduled", "FairRegistrationReceived", "FairRegistrationReceived", "FairRegistrationReceived",
             "BoothAllocated", "BoothAllocated", "BoothAllocated", "BoothAllocated", "BoothAllocated",
             "FairOutcomeRecorded", "FairOutcomeRecorded", "FairOutcomeRecorded"],
            await EventTypesAsync());
        Assert.Equal([("5700000001", 2), ("5700000002", 2), ("5700000003", 1)],
            (await EventsAsync<FairRegistrationReceived>()).Select(e => (e.EstablishmentTaxCode, e.BoothsWanted)));
        var allocated = await EventsAsync<BoothAllocated>();
        var priorityArea = allocated.First(e => e.RegistrationId == Guid.Parse(second));
        Assert.Equal(("Bình Liêu", true, 2, 2, false, 1), (priorityArea.District, priorityArea.IsPriorityArea, priorityArea.BoothsAllocated, priorityArea.PriorityRank, priorityArea.IsManualOverride, priorityArea.AllocationRevision));
        var overrideEvent = allocated.Last(e => e.RegistrationId == Guid.Parse(second));
        Assert.Equal((1, true, 9_600_000L, 2), (overrideEvent.BoothsAllocated, overrideEvent.IsManualOverride, overrideEvent.Support, overrideEvent.AllocationRevision));
        Assert.Equal(("22/2025/CN-TB", FairKind.OtherDomestic, 80m), (allocated[0].CertificateNumber, allocated[0].Fair.Kind, allocated[0].Fair.RentSharePercent));
        var lastOutcome = (await EventsAsync<FairOutcomeRecorded>())[^1];
        Assert.Equal((3, 3, 350_000_000L, 63_000_000L, 1000, 28_800_000L), (lastOutcome.OutcomeRevision, lastOutcome.Totals.ParticipantsReported,
            lastOutcome.Totals.ContractValue, lastOutcome.Totals.Sales, lastOutcome.Totals.Visitors, lastOutcome.Totals.TotalSupport));
        Assert.Equal(("5700000001", 50_000_000L), (lastOutcome.Participant.EstablishmentTaxCode, lastOutcome.Participant.ContractValue));
    }

    [Fact]
    public async Task The_share_of_booth_rent_defaults_by_kind_and_can_be_set()
    {
        var other = await CreateFairAsync(FairBody("OtherDomestic"));
        var overseasBody = FairBody("Overseas");
        overseasBody["country"] = "Nhật Bản";
        overseasBody["province"] = null;
        overseasBody["extraSupportPerParticipant"] = 15_000_000;
        overseasBody["extraCostsDescription"] = "Vé máy bay cho một người";
        var overseas = await CreateFairAsync(overseasBody);
        var custom = FairBody();
        custom["rentSharePercent"] = 50.5m;
        var set = await CreateFairAsync(custom);

        Assert.Equal(80m, other.GetProperty("policy").GetProperty("rentSharePercent").GetDecimal());
        Assert.Equal((100m, 15_000_000L), (overseas.GetProperty("policy").GetProperty("rentSharePercent").GetDecimal(), overseas.GetProperty("policy").GetProperty("extraSupportPerParticipant").GetInt64()));
        Assert.Equal("Việt Nam", set.GetProperty("country").GetString());
        Assert.Equal(50.5m, set.GetProperty("policy").GetProperty("rentSharePercent").GetDecimal());
        Assert.Equal("Draft", set.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_fair_fields_get_a_400_naming_each_and_write_nothing()
    {
        var body = FairBody();
        body["name"] = " ";
        body["kind"] = null;
        body["boothCount"] = 0;
        body["boothRent"] = -1;
        body["rentSharePercent"] = 120;
        body["startDate"] = null;

        var errors = await ErrorsOf(await Client.PostAsJsonAsync("/api/fairs", body));

        foreach (var field in new[] { "name", "kind", "boothCount", "boothRent", "rentSharePercent", "startDate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_kind_that_does_not_exist_is_a_400_not_a_500()
    {
        var body = FairBody(kind: "Carnival");
        var response = await Client.PostAsJsonAsync("/api/fairs", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/malformed-request");
    }

    [Fact]
    public async Task A_deadline_after_the_start_is_refused_under_the_deadline_and_writes_nothing()
    {
        var body = FairBody();
        body["registrationDeadline"] = "2026-06-11";
        var errors = await ErrorsOf(await Client.PostAsJsonAsync("/api/fairs", body));
        Assert.Equal("Hạn đăng ký không được sau ngày khai mạc.", Assert.Single(errors.GetProperty("registrationDeadline").EnumerateArray()).GetString());
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Registering_an_establishment_the_registry_does_not_know_is_a_422()
    {
        var fairId = await OpenFairAsync();
        await AssertProblemAsync(await RegisterAsync(fairId, "5799999999"), HttpStatusCode.UnprocessableEntity, "/errors/unknown-establishment");
        Assert.Equal((1, 0, 1), await CountsAsync());
    }

    [Fact]
    public async Task Registering_after_the_deadline_is_a_422()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync();
        Clock.SetTo(new DateTimeOffset(2026, 5, 21, 0, 5, 0, TimeSpan.FromHours(7)));

        var response = await RegisterAsync(fairId, "5700000001");

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/registration-deadline-passed");
        Assert.Contains("20/05/2026", await response.Content.ReadAsStringAsync());
        Assert.Equal((1, 0, 1), await CountsAsync());
    }

    [Fact]
    public async Task Registering_for_a_fair_that_is_not_open_is_a_409()
    {
        await KnowEstablishmentAsync("5700000001");
        var draft = (await CreateFairAsync()).GetProperty("id").GetString()!;
        await AssertProblemAsync(await RegisterAsync(draft, "5700000001"), HttpStatusCode.Conflict, "/errors/registration-not-open");

        var closed = await OpenFairAsync();
        await PostOkAsync($"/api/fairs/{closed}/close-registration");
        await AssertProblemAsync(await RegisterAsync(closed, "5700000001"), HttpStatusCode.Conflict, "/errors/registration-not-open");
        Assert.Equal(0, (await CountsAsync()).Registrations);
    }

    [Fact]
    public async Task An_establishment_registers_once_per_fair()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync();
        await RegisteredAsync(fairId, "5700000001");
        await AssertProblemAsync(await RegisterAsync(fairId, "5700000001"), HttpStatusCode.Conflict, "/errors/already-registered");
        Assert.Equal(1, (await CountsAsync()).Registrations);
    }

    [Fact]
    public async Task Two_registrations_of_one_establishment_at_once_leave_one_and_answer_409_not_500()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RegisterAsync(fairId, "5700000001")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, (await CountsAsync()).Registrations);
    }

    [Fact]
    public async Task Bad_registration_fields_get_a_400_naming_each()
    {
        var fairId = await OpenFairAsync();
        var response = await Client.PostAsJsonAsync($"/api/fairs/{fairId}/registrations", new
        {
            establishmentTaxCode = "",
            products = new[] { "Chè", " " },
            boothsWanted = 0,
            contact = new { name = "", phone = "gọi tôi", email = "không-phải-email" },
        });

        var errors = await ErrorsOf(response);
        foreach (var field in new[] { "establishmentTaxCode", "products[1]", "boothsWanted", "contact.name", "contact.phone", "contact.email" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [Fact]
    public async Task Asking_for_more_booths_than_the_fair_has_is_a_422()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync(FairBody(booths: 2));
        await AssertProblemAsync(await RegisterAsync(fairId, "5700000001", booths: 3), HttpStatusCode.UnprocessableEntity, "/errors/more-booths-than-the-fair-has");
    }

    [Fact]
    public async Task The_contact_person_is_shown_on_the_registration_but_not_in_lists()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync();
        var id = await RegisteredAsync(fairId, "5700000001");

        var list = await Client.GetStringAsync($"/api/fairs/{fairId}/registrations");
        var details = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/registrations/{id}");

        Assert.DoesNotContain("0912 345 678", list);
        Assert.DoesNotContain("Nguyễn Thị B", list);
        Assert.Contains("HTX chè 5700000001", list);
        Assert.Equal(("Nguyễn Thị B", "0912 345 678"), (details.GetProperty("contact").GetProperty("name").GetString(), details.GetProperty("contact").GetProperty("phone").GetString()));
        Assert.Equal(["Chè Đường Hoa", "Trà hoa vàng"], details.GetProperty("registration").GetProperty("products").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Unknown_fairs_and_registrations_are_404()
    {
        var missing = Guid.NewGuid();
        await AssertProblemAsync(await Client.GetAsync($"/api/fairs/{missing}"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await RegisterAsync(missing.ToString(), "5700000001"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await Client.PostAsync($"/api/fairs/{missing}/allocation", null), HttpStatusCode.NotFound, "/errors/not-found");
        var fairId = await OpenFairAsync();
        await AssertProblemAsync(await Client.GetAsync($"/api/fairs/{fairId}/registrations/{missing}"), HttpStatusCode.NotFound, "/errors/not-found");
    }

    [Fact]
    public async Task The_allocation_does_not_run_while_registration_is_open()
    {
        var fairId = await OpenFairAsync();
        await AssertProblemAsync(await Client.PostAsync($"/api/fairs/{fairId}/allocation", null), HttpStatusCode.Conflict, "/errors/illegal-transition");
        Assert.Equal(["FairScheduled"], await EventTypesAsync());
    }

    [Fact]
    public async Task An_override_beyond_the_booths_of_the_fair_is_a_422_and_changes_nothing()
    {
        await KnowEstablishmentAsync("5700000001");
        await KnowEstablishmentAsync("5700000002");
        var fairId = await OpenFairAsync(FairBody(booths: 2));
        await RegisteredAsync(fairId, "5700000001", booths: 2);
        Clock.SetTo(Start.AddMinutes(1));
        var waiting = await RegisteredAsync(fairId, "5700000002", booths: 1);
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        await PostOkAsync($"/api/fairs/{fairId}/allocation");
        var before = await CountsAsync();

        var tooMany = await Client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{waiting}/allocation", new { booths = 1, reason = "Ưu tiên" });
        var noReason = await Client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{waiting}/allocation", new { booths = 1 });

        await AssertProblemAsync(tooMany, HttpStatusCode.UnprocessableEntity, "/errors/not-enough-booths");
        Assert.True((await ErrorsOf(noReason)).TryGetProperty("reason", out _));
        Assert.Equal(before, await CountsAsync());
        var registration = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/registrations/{waiting}");
        Assert.Equal("WaitListed", registration.GetProperty("registration").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Outcomes_before_the_fair_is_held_are_a_409_and_bad_figures_a_400()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync();
        var id = await RegisteredAsync(fairId, "5700000001");
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        await PostOkAsync($"/api/fairs/{fairId}/allocation");

        var early = await Client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{id}/outcome", new { contractsSigned = 1, contractValue = 1, sales = 1, visitors = 1 });
        await AssertProblemAsync(early, HttpStatusCode.Conflict, "/errors/fair-not-held");
        await AssertProblemAsync(await Client.PostAsync($"/api/fairs/{fairId}/held", null), HttpStatusCode.UnprocessableEntity, "/errors/fair-not-started");

        Clock.SetTo(FairDay);
        await PostOkAsync($"/api/fairs/{fairId}/held");
        var bad = await Client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{id}/outcome", new { contractsSigned = -1, sales = -5, visitors = 3 });
        var errors = await ErrorsOf(bad);
        foreach (var field in new[] { "contractsSigned", "contractValue", "sales" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
        await AssertProblemAsync(await Client.PostAsync($"/api/fairs/{fairId}/close", null), HttpStatusCode.UnprocessableEntity, "/errors/outcomes-missing");
    }

    [Fact]
    public async Task Cancelling_a_published_fair_announces_it_and_a_draft_stays_silent()
    {
        var draft = (await CreateFairAsync()).GetProperty("id").GetString()!;
        var open = await OpenFairAsync();

        await PostOkAsync($"/api/fairs/{draft}/cancel", new { reason = "Trùng lịch" });
        var cancelled = await PostOkAsync($"/api/fairs/{open}/cancel", new { reason = "Bão số 3" });
        var noReason = await Client.PostAsJsonAsync($"/api/fairs/{open}/cancel", new { reason = "" });

        Assert.Equal(("Cancelled", "Bão số 3"), (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("cancellationReason").GetString()));
        Assert.Equal(["FairScheduled", "FairCancelled"], await EventTypesAsync());
        Assert.Equal("Bão số 3", (await EventsAsync<FairCancelled>()).Single().Reason);
        Assert.True((await ErrorsOf(noReason)).TryGetProperty("reason", out _));
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/fairs/{open}/cancel", new { reason = "again" }), HttpStatusCode.Conflict, "/errors/illegal-transition");
    }

    [Fact]
    public async Task A_draft_can_be_revised_and_a_published_fair_cannot()
    {
        var id = (await CreateFairAsync()).GetProperty("id").GetString()!;
        var revised = await PutOkAsync($"/api/fairs/{id}", FairBody(booths: 40, name: "Hội chợ Xuân"));
        Assert.Equal(("Hội chợ Xuân", 40), (revised.GetProperty("name").GetString(), revised.GetProperty("boothCount").GetInt32()));

        await PostOkAsync($"/api/fairs/{id}/publish");
        await AssertProblemAsync(await Client.PutAsJsonAsync($"/api/fairs/{id}", FairBody()), HttpStatusCode.Conflict, "/errors/not-editable");
    }

    [Fact]
    public async Task Fairs_are_listed_by_page_and_found_by_search_and_filters()
    {
        for (var i = 1; i <= 5; i++)
        {
            await CreateFairAsync(FairBody(name: $"Hội chợ số {i}"));
        }
        var overseas = FairBody("Overseas", name: "Triển lãm Osaka");
        overseas["country"] = "Nhật Bản";
        overseas["province"] = null;
        await CreateFairAsync(overseas);

        var first = await Client.GetFromJsonAsync<JsonElement>("/api/fairs?page=1&pageSize=4");
        var second = await Client.GetFromJsonAsync<JsonElement>("/api/fairs?page=2&pageSize=4");
        var search = await Client.GetFromJsonAsync<JsonElement>("/api/fairs?q=osaka");
        var byKind = await Client.GetFromJsonAsync<JsonElement>("/api/fairs?kind=Overseas&year=2026&status=Draft");
        var byPeriod = await Client.GetFromJsonAsync<JsonElement>("/api/fairs?from=2027-01-01");

        Assert.Equal((6, 4, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("items").GetArrayLength(), second.GetProperty("items").GetArrayLength()));
        Assert.Empty(first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Intersect(second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())));
        Assert.Equal("Triển lãm Osaka", search.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Equal(1, byKind.GetProperty("total").GetInt32());
        Assert.Equal(0, byPeriod.GetProperty("total").GetInt32());
        var badPage = await Client.GetAsync("/api/fairs?page=0&pageSize=500");
        var errors = await ErrorsOf(badPage);
        Assert.True(errors.TryGetProperty("page", out _) && errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_answer_of_registration_and_allocation()
    {
        var paths = (await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var register = paths.GetProperty("/api/fairs/{fairId}/registrations").GetProperty("post").GetProperty("responses");
        var allocate = paths.GetProperty("/api/fairs/{id}/allocation").GetProperty("post").GetProperty("responses");

        Assert.Equal(["201", "400", "403", "404", "409", "422"], register.EnumerateObject().Select(r => r.Name).Order());
        Assert.Equal(["200", "404", "409", "422"], allocate.EnumerateObject().Select(r => r.Name).Order());
    }

    [Fact]
    public async Task A_past_fair_is_recorded_with_its_publication_receipt_and_held_days_and_the_allocation_orders_by_receipt()
    {
        await KnowEstablishmentAsync("5700000001");
        await KnowEstablishmentAsync("5700000002");
        await KnowEstablishmentAsync("5700000003");
        Clock.SetTo(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var fairId = (await CreateFairAsync(FairBody(booths: 2))).GetProperty("id").GetString()!;

        var published = await PostOkAsync($"/api/fairs/{fairId}/publish", new { publishedOn = "2026-04-01" });
        await PostOkAsync($"/api/fairs/{fairId}/registrations", WithReceivedOn(RegistrationBody("5700000003"), "2026-04-20"));
        await PostOkAsync($"/api/fairs/{fairId}/registrations", WithReceivedOn(RegistrationBody("5700000002"), "2026-04-10"));
        await PostOkAsync($"/api/fairs/{fairId}/registrations", WithReceivedOn(RegistrationBody("5700000001"), "2026-04-20"));
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        var allocation = await PostOkAsync($"/api/fairs/{fairId}/allocation");
        var held = await PostOkAsync($"/api/fairs/{fairId}/held", new { heldOn = "2026-06-14" });

        Assert.Equal(DateTimeOffset.Parse("2026-04-01T00:00:00+07:00"), published.GetProperty("publishedAt").GetDateTimeOffset());
        var results = allocation.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["5700000002", "5700000001", "5700000003"], results.Select(r => r.GetProperty("establishmentTaxCode").GetString()));
        Assert.Equal(DateTimeOffset.Parse("2026-04-10T00:00:00+07:00"), results[0].GetProperty("registeredAt").GetDateTimeOffset());
        Assert.Contains("cùng thời điểm đăng ký với cơ sở khác cùng mức ưu tiên nên xếp theo mã số thuế", results[1].GetProperty("reason").GetString());
        Assert.Equal("WaitListed", results[2].GetProperty("status").GetString());
        Assert.Equal(("Held", DateTimeOffset.Parse("2026-06-14T00:00:00+07:00")), (held.GetProperty("status").GetString(), held.GetProperty("heldAt").GetDateTimeOffset()));
        Assert.Equal(DateTimeOffset.Parse("2026-04-01T00:00:00+07:00"), (await EventsAsync<FairScheduled>()).Single().ScheduledAt);
    }

    [Fact]
    public async Task Recorded_days_after_the_deadline_before_the_start_or_still_to_come_are_a_422_and_change_nothing()
    {
        await KnowEstablishmentAsync("5700000001");
        Clock.SetTo(new DateTimeOffset(2026, 5, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        var late = (await CreateFairAsync()).GetProperty("id").GetString()!;
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/fairs/{late}/publish", new { publishedOn = "2026-05-21" }),
            HttpStatusCode.UnprocessableEntity, "/errors/registration-deadline-passed");
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/fairs/{late}/publish", new { publishedOn = "2026-05-26" }),
            HttpStatusCode.UnprocessableEntity, "/errors/recorded-date-in-future");
        await PostOkAsync($"/api/fairs/{late}/publish", new { publishedOn = "2026-05-01" });

        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/fairs/{late}/registrations", WithReceivedOn(RegistrationBody("5700000001"), "2026-05-21")),
            HttpStatusCode.UnprocessableEntity, "/errors/registration-deadline-passed");
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/fairs/{late}/registrations", WithReceivedOn(RegistrationBody("5700000001"), "2026-05-26")),
            HttpStatusCode.UnprocessableEntity, "/errors/recorded-date-in-future");
        Assert.Equal((1, 0, 1), await CountsAsync());

        await PostOkAsync($"/api/fairs/{late}/registrations", WithReceivedOn(RegistrationBody("5700000001"), "2026-05-20"));
        await PostOkAsync($"/api/fairs/{late}/close-registration");
        await PostOkAsync($"/api/fairs/{late}/allocation");
        Clock.SetTo(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/fairs/{late}/held", new { heldOn = "2026-06-09" }),
            HttpStatusCode.UnprocessableEntity, "/errors/fair-not-started");
        Assert.Equal("Allocated", (await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{late}")).GetProperty("status").GetString());
    }

    private static Dictionary<string, object?> WithReceivedOn(object registration, string receivedOn)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(registration, Json), Json)!;
        body["receivedOn"] = receivedOn;
        return body;
    }
}
