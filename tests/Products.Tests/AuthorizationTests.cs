using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// Who may do what with competitions, entries, complaints and certificates, with real tokens: the catalogue is
/// public, everything else needs a token; the Centre runs competitions, appraisers score, leaders read, and an
/// establishment or a district officer sees and files only for its own establishment or unit.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AuthorizationTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string OwnUnit = "hai-ha";
    private const string OtherTaxCode = "5700200300";
    private const string OtherUnit = "dong-trieu";
    private const string SomeId = "00000000-0000-0000-0000-000000000001";
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));
    private Guid _competition;
    private List<Guid> _members = [];

    public async Task InitializeAsync()
    {
        await _host.AddEstablishmentAsync(TaxCode, "HTX Chè Đường Hoa", District, OwnUnit);
        await _host.AddEstablishmentAsync(OtherTaxCode, "Công ty Gốm Đông Triều", "Đông Triều", OtherUnit);
        // Held in another district than the establishments', so that their provincial entries need no district certificate.
        _competition = (await _host.CreateCompetitionAsync("District", 2025, new(2025, 3, 1), new(2025, 3, 31), district: "Cô Tô")).GetProperty("id").GetGuid();
        _members = await _host.SetCouncilAsync(_competition, 5);
        await _host.PostAsync($"/api/products/competitions/{_competition}/open", null, HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The two roles that act for part of the data: an establishment of <see cref="TaxCode"/>, the officer of its unit.</summary>
    public static TheoryData<string> ScopedRoles => new() { PlatformRoles.Establishment, PlatformRoles.DistrictOfficer };

    private static TestUser Scoped(string role) => role == PlatformRoles.Establishment
        ? TestUser.Establishment(TaxCode)
        : TestUser.DistrictOfficer(OwnUnit, District);

    private string Entries => $"/api/products/competitions/{_competition}/entries";

    private Task<HttpResponseMessage> RegisterAsync(HttpClient client, string taxCode, string product, string? description = null) =>
        client.PostAsJsonAsync(Entries, new
        {
            establishmentTaxCode = taxCode, group = "Handicrafts", productName = product, description = description ?? $"{product} làm thủ công",
        });

    private static async Task<Guid> IdOfAsync(HttpResponseMessage created) =>
        (await ExpectAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static Task<HttpResponseMessage> ScoreAsync(HttpClient client, string entryPath, Guid member) =>
        client.PostAsJsonAsync($"{entryPath}/scores", new { memberId = member, market = 35, technical = 30, cultural = 8, other = 8 });

    [Fact]
    public void Every_endpoint_declares_an_authorization_policy()
    {
        EndpointPolicies.AssertEveryEndpointDeclaresAPolicy(_host.Factory.Services);

        var policies = EndpointPolicies.PolicyByEndpoint(_host.Factory.Services)
            .Where(p => p.Key.Contains("/api/products", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value);
        const string competition = "/api/products/competitions/{id:guid}";
        const string entry = competition + "/entries/{entryId:guid}";
        var expected = new Dictionary<string, string>
        {
            ["GET /api/products/appraisers"] = Policies.Appraise,
            ["GET /api/products/catalogue"] = "anonymous",
            ["GET /api/products/catalogue/photos/{photoId:guid}"] = "anonymous",
            ["GET /api/products/catalogue/photos/{photoId:guid}/thumbnail"] = "anonymous",
            ["GET /api/products/competitions/"] = Policies.Read,
            ["GET /api/products/figures"] = $"{Policies.Read}+{Policies.Admin}",
            ["POST /api/products/competitions/"] = $"{Policies.Read}+{Policies.Manage}",
            [$"GET {competition}"] = Policies.Read,
            [$"GET {competition}/history"] = Policies.Read,
            [$"PUT {competition}/council"] = $"{Policies.Read}+{Policies.Manage}",
            [$"POST {competition}/open"] = $"{Policies.Read}+{Policies.Manage}",
            [$"POST {competition}/start-scoring"] = $"{Policies.Read}+{Policies.Manage}",
            [$"GET {competition}/results"] = Policies.Read,
            [$"POST {competition}/publish-results"] = $"{Policies.Read}+{Policies.Manage}",
            [$"POST {competition}/complaints"] = $"{Policies.Read}+{Policies.Propose}",
            [$"GET {competition}/complaints"] = Policies.Read,
            [$"POST {competition}/complaints/{{complaintId:guid}}/rescore"] = $"{Policies.Read}+{Policies.Manage}",
            [$"POST {competition}/complaints/{{complaintId:guid}}/answer"] = $"{Policies.Read}+{Policies.Manage}",
            [$"POST {competition}/close"] = $"{Policies.Read}+{Policies.Manage}",
            [$"POST {competition}/entries/"] = $"{Policies.Read}+{Policies.Propose}",
            [$"GET {competition}/entries/"] = Policies.Read,
            [$"GET {entry}"] = Policies.Read,
            [$"POST {entry}/submit"] = $"{Policies.Read}+{Policies.Propose}",
            [$"POST {entry}/scores"] = $"{Policies.Read}+{Policies.Appraise}",
            [$"POST {entry}/conflict"] = $"{Policies.Read}+{Policies.Appraise}",
            [$"POST {competition}/attachments/"] = $"{Policies.Read}+{Policies.Manage}",
            [$"GET {competition}/attachments/"] = Policies.Read,
            [$"GET {competition}/attachments/{{attachmentId:guid}}"] = Policies.Read,
            [$"GET {competition}/attachments/{{attachmentId:guid}}/thumbnail"] = Policies.Read,
            [$"POST {competition}/attachments/{{attachmentId:guid}}/withdraw"] = $"{Policies.Read}+{Policies.Manage}",
            [$"POST {entry}/attachments/"] = $"{Policies.Read}+{Policies.Propose}",
            [$"GET {entry}/attachments/"] = Policies.Read,
            [$"GET {entry}/attachments/{{attachmentId:guid}}"] = Policies.Read,
            [$"GET {entry}/attachments/{{attachmentId:guid}}/thumbnail"] = Policies.Read,
            [$"POST {entry}/attachments/{{attachmentId:guid}}/withdraw"] = $"{Policies.Read}+{Policies.Propose}",
            ["GET /api/products/certificates/"] = Policies.Read,
            ["GET /api/products/certificates/{id:guid}"] = Policies.Read,
            ["GET /api/products/certificates/{id:guid}/paper"] = Policies.Read,
            ["POST /api/products/certificates/{id:guid}/revoke"] = $"{Policies.Read}+{Policies.Manage}",
            ["POST /api/products/certificates/{id:guid}/holder-reports"] = $"{Policies.Read}+{Policies.Propose}",
            ["GET /api/products/certificates/reports-due"] = Policies.Read,
            ["GET /api/products/district-rounds/"] = Policies.Read,
            ["GET /api/products/entries"] = Policies.Read,
            ["POST /api/products/district-rounds/"] = $"{Policies.Read}+{Policies.Manage}",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), policies.OrderBy(p => p.Key));
    }

    [Theory]
    [InlineData("GET", "/api/products/competitions")]
    [InlineData("POST", "/api/products/competitions")]
    [InlineData("GET", $"/api/products/competitions/{SomeId}")]
    [InlineData("GET", $"/api/products/competitions/{SomeId}/results")]
    [InlineData("GET", $"/api/products/competitions/{SomeId}/complaints")]
    [InlineData("POST", $"/api/products/competitions/{SomeId}/complaints")]
    [InlineData("GET", $"/api/products/competitions/{SomeId}/entries")]
    [InlineData("POST", $"/api/products/competitions/{SomeId}/entries")]
    [InlineData("GET", $"/api/products/competitions/{SomeId}/entries/{SomeId}")]
    [InlineData("GET", $"/api/products/competitions/{SomeId}/entries/{SomeId}/attachments/{SomeId}")]
    [InlineData("GET", $"/api/products/competitions/{SomeId}/entries/{SomeId}/attachments/{SomeId}/thumbnail")]
    [InlineData("POST", $"/api/products/competitions/{SomeId}/entries/{SomeId}/scores")]
    [InlineData("POST", $"/api/products/competitions/{SomeId}/entries/{SomeId}/conflict")]
    [InlineData("GET", "/api/products/certificates")]
    [InlineData("GET", $"/api/products/certificates/{SomeId}")]
    [InlineData("POST", $"/api/products/certificates/{SomeId}/revoke")]
    [InlineData("POST", $"/api/products/certificates/{SomeId}/holder-reports")]
    [InlineData("GET", "/api/products/certificates/reports-due")]
    [InlineData("GET", "/api/products/district-rounds")]
    [InlineData("POST", "/api/products/district-rounds")]
    public async Task Without_a_token_everything_but_the_catalogue_is_401(string method, string path)
    {
        var anonymous = _host.AnonymousClient();
        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { }) : null,
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/products/catalogue")).StatusCode);
    }

    [Fact]
    public async Task The_catalogue_shows_the_photos_of_listed_products_to_anyone_and_no_others()
    {
        // A photo of an entry that is not (yet) recognised: in the dossier, not in the catalogue.
        var draft = await IdOfAsync(await RegisterAsync(_host.Client, OtherTaxCode, "Gốm men lam"));
        var draftPhoto = (await ExpectAsync(await _host.AttachPhotoAsync(_competition, draft), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var issued = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 4, 1), "Chè Đường Hoa", 7);
        var (competition, entry, certificate) = (issued.GetProperty("competitionId").GetGuid(), issued.GetProperty("entryId").GetGuid(), issued.GetProperty("id").GetGuid());
        var entryFiles = $"/api/products/competitions/{competition}/entries/{entry}/attachments";
        // The entry's other papers, and a photo withdrawn, are not the catalogue's.
        var dossier = (await ExpectAsync(await _host.Client.PostAsync(entryFiles, SampleFiles.Upload(SampleFiles.Pdf(), "ho-so.pdf", "EntryDossier")),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var photoAsDossier = (await ExpectAsync(await _host.Client.PostAsync(entryFiles, SampleFiles.Upload(SampleFiles.Picture(30, 20), "giay-to.png", "EntryDossier")),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var withdrawn = (await ExpectAsync(await _host.AttachPhotoAsync(competition, entry, "mat-sau.png"), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _host.PostAsync($"{entryFiles}/{withdrawn}/withdraw", new { reason = "Ảnh mờ" }, HttpStatusCode.OK);

        var anonymous = _host.AnonymousClient();
        var catalogue = await ExpectAsync(await anonymous.GetAsync("/api/products/catalogue"), HttpStatusCode.OK);
        var photos = Assert.Single(catalogue.GetProperty("items").EnumerateArray()).GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(3, photos.Count);
        foreach (var photo in photos)
        {
            var full = await anonymous.GetAsync(photo.GetProperty("url").GetString());
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
            Assert.Equal("image/png", full.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", full.Headers.GetValues("X-Content-Type-Options").Single());
            var thumbnail = await anonymous.GetAsync(photo.GetProperty("thumbnailUrl").GetString());
            Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
            Assert.StartsWith("image/", thumbnail.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual(await full.Content.ReadAsByteArrayAsync(), await thumbnail.Content.ReadAsByteArrayAsync());
        }

        foreach (var other in new[] { draftPhoto, dossier, photoAsDossier, withdrawn, Guid.NewGuid() })
        {
            foreach (var url in new[] { $"/api/products/catalogue/photos/{other}", $"/api/products/catalogue/photos/{other}/thumbnail" })
            {
                await AssertProblemAsync(await anonymous.GetAsync(url), HttpStatusCode.NotFound, "/errors/not-found");
                await AssertProblemAsync(await _host.Client.GetAsync(url), HttpStatusCode.NotFound, "/errors/not-found");
            }
        }
        // The entry's own files stay behind sign-in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{entryFiles}/{photos[0].GetProperty("url").GetString()!.Split('/')[^1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/products/competitions/{_competition}/entries/{draft}/attachments/{draftPhoto}/thumbnail")).StatusCode);

        await _host.PostAsync($"/api/products/certificates/{certificate}/revoke", new { reason = "Vi phạm" }, HttpStatusCode.OK);
        await AssertProblemAsync(await anonymous.GetAsync(photos[0].GetProperty("url").GetString()), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await anonymous.GetAsync(photos[0].GetProperty("thumbnailUrl").GetString()), HttpStatusCode.NotFound, "/errors/not-found");
    }

    [Fact]
    public async Task A_leader_reads_everything_and_changes_nothing()
    {
        var own = await IdOfAsync(await RegisterAsync(_host.Client, TaxCode, "Nón lá"));
        await IdOfAsync(await RegisterAsync(_host.Client, OtherTaxCode, "Gốm men lam"));
        var leader = _host.ClientAs(TestUser.Leader);

        var entries = await ExpectAsync(await leader.GetAsync(Entries), HttpStatusCode.OK);
        Assert.Equal(2, entries.GetArrayLength());
        await ExpectAsync(await leader.GetAsync($"{Entries}/{own}"), HttpStatusCode.OK);
        await ExpectAsync(await leader.GetAsync("/api/products/competitions"), HttpStatusCode.OK);
        await ExpectAsync(await leader.GetAsync("/api/products/certificates"), HttpStatusCode.OK);

        var writes = new[]
        {
            leader.PostAsJsonAsync("/api/products/competitions", new { title = "Bình chọn", level = "District", year = 2025 }),
            leader.PostAsync($"/api/products/competitions/{_competition}/start-scoring", null),
            RegisterAsync(leader, TaxCode, "Chổi đót"),
            leader.PostAsync($"{Entries}/{own}/submit", null),
            ScoreAsync(leader, $"{Entries}/{own}", _members[0]),
            leader.PostAsJsonAsync($"/api/products/competitions/{_competition}/complaints", new { entryId = own, complainant = "A", content = "B" }),
            leader.PostAsJsonAsync($"/api/products/certificates/{SomeId}/revoke", new { reason = "Vi phạm" }),
            leader.PostAsJsonAsync($"/api/products/certificates/{SomeId}/holder-reports", new { year = 2025, revenue = 1L, employees = 1 }),
        };
        foreach (var write in writes)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await write).StatusCode);
        }
        Assert.Equal(2, await _host.WithDbAsync(db => db.Entries.CountAsync()));
    }

    [Fact]
    public async Task An_appraiser_scores_but_cannot_run_the_competition_nor_file()
    {
        var entry = await IdOfAsync(await RegisterAsync(_host.Client, TaxCode, "Nón lá"));
        await _host.AddThreePhotosAndSubmitAsync(_competition, entry);
        var appraiser = _host.ClientAs(_host.HolderOf(_members[0]));

        Assert.Equal(HttpStatusCode.Forbidden, (await appraiser.PostAsync($"/api/products/competitions/{_competition}/start-scoring", null)).StatusCode);
        await _host.PostAsync($"/api/products/competitions/{_competition}/start-scoring", null, HttpStatusCode.OK);
        var scored = await ExpectAsync(await ScoreAsync(appraiser, $"{Entries}/{entry}", _members[0]), HttpStatusCode.OK);
        Assert.Equal(81m, scored.GetProperty("total").GetDecimal());
        await ExpectAsync(await appraiser.GetAsync($"{Entries}/{entry}"), HttpStatusCode.OK);

        var refused = new[]
        {
            appraiser.PostAsJsonAsync("/api/products/competitions", new
            {
                title = "Bình chọn sản phẩm CNNT tiêu biểu cấp huyện 2025", level = "District", year = 2025,
                registrationOpensOn = "2025-03-01", registrationClosesOn = "2025-03-31",
            }),
            appraiser.PutAsJsonAsync($"/api/products/competitions/{_competition}/council", new { members = new[] { new { userId = "juror-1", chair = true } } }),
            appraiser.PostAsJsonAsync($"/api/products/competitions/{_competition}/publish-results",
                new { decisionNumber = "1/QĐ", recognisedEntryIds = new[] { entry } }),
            RegisterAsync(appraiser, TaxCode, "Chổi đót"),
            appraiser.PostAsJsonAsync($"/api/products/certificates/{SomeId}/revoke", new { reason = "Vi phạm" }),
        };
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await response).StatusCode);
        }
        Assert.Equal(1, await _host.WithDbAsync(db => db.Competitions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(ScopedRoles))]
    public async Task A_scoped_user_enters_and_sees_only_its_own_establishments_products(string role)
    {
        var user = _host.ClientAs(Scoped(role));

        var own = await IdOfAsync(await RegisterAsync(user, TaxCode, "Chè Đường Hoa"));
        foreach (var outside in new[] { OtherTaxCode, "0100000000" })
        {
            var problem = await AssertProblemAsync(await RegisterAsync(user, outside, "Gốm men lam"), HttpStatusCode.Forbidden, "/errors/out-of-scope");
            Assert.Contains(outside, problem.GetProperty("detail").GetString());
        }
        var theirs = await IdOfAsync(await RegisterAsync(_host.Client, OtherTaxCode, "Gốm men lam"));
        var theirPhoto = $"{Entries}/{theirs}/attachments/{(await ExpectAsync(await _host.AttachPhotoAsync(_competition, theirs), HttpStatusCode.Created)).GetProperty("id").GetGuid()}";

        var listed = await ExpectAsync(await user.GetAsync(Entries), HttpStatusCode.OK);
        Assert.Equal([own], listed.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(2, (await ExpectAsync(await _host.Client.GetAsync(Entries), HttpStatusCode.OK)).GetArrayLength());

        // Another establishment's entry is not found, exactly like an unknown one, whatever is asked of it.
        await AssertProblemAsync(await user.GetAsync($"{Entries}/{theirs}"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await user.GetAsync(theirPhoto), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await user.GetAsync($"{theirPhoto}/thumbnail"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await AttachPhotoAsync(user, _competition, theirs, "b.png"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await user.PostAsync($"{Entries}/{theirs}/submit", null), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(1, (await ExpectAsync(await _host.Client.GetAsync($"{Entries}/{theirs}"), HttpStatusCode.OK)).GetProperty("photoCount").GetInt32());

        await AddThreePhotosAndSubmitAsync(user, _competition, own);
        var mine = await ExpectAsync(await user.GetAsync($"{Entries}/{own}"), HttpStatusCode.OK);
        Assert.Equal("Submitted", mine.GetProperty("status").GetString());
        Assert.Equal(3, mine.GetProperty("photoCount").GetInt32());
        var photos = await ExpectAsync(await user.GetAsync($"{Entries}/{own}/attachments"), HttpStatusCode.OK);
        var photo = await user.GetAsync($"{Entries}/{own}/attachments/{photos[0].GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);

        await _host.PostAsync($"/api/products/competitions/{_competition}/start-scoring", null, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(user, $"{Entries}/{own}", _members[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync($"/api/products/competitions/{_competition}/close", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ScopedRoles))]
    public async Task A_scoped_user_complains_reads_results_and_reports_only_for_its_own_establishment(string role)
    {
        var user = _host.ClientAs(Scoped(role));
        var own = await IdOfAsync(await RegisterAsync(_host.Client, TaxCode, "Chè Đường Hoa"));
        var theirs = await IdOfAsync(await RegisterAsync(_host.Client, OtherTaxCode, "Gốm men lam"));
        foreach (var entry in new[] { own, theirs })
        {
            await _host.AddThreePhotosAndSubmitAsync(_competition, entry);
        }
        await _host.PostAsync($"/api/products/competitions/{_competition}/start-scoring", null, HttpStatusCode.OK);
        await _host.ScoreAllAsync(_competition, own, _members, 30, 30);     // 80
        await _host.ScoreAllAsync(_competition, theirs, _members, 38, 36);  // 94
        _host.Clock.SetToday(new DateOnly(2025, 4, 7));
        await _host.PostAsync($"/api/products/competitions/{_competition}/publish-results",
            new { decisionNumber = "12/QĐ-UBND", recognisedEntryIds = new[] { own, theirs } }, HttpStatusCode.OK);

        var results = await ExpectAsync(await user.GetAsync($"/api/products/competitions/{_competition}/results"), HttpStatusCode.OK);
        var row = Assert.Single(results.GetProperty("items").EnumerateArray());
        Assert.Equal((own, 2), (row.GetProperty("entryId").GetGuid(), row.GetProperty("rank").GetInt32()));

        var complaints = $"/api/products/competitions/{_competition}/complaints";
        var ownComplaint = (await ExpectAsync(await user.PostAsJsonAsync(complaints,
            new { entryId = own, complainant = "HTX Chè Đường Hoa", content = "Đề nghị chấm lại tiêu chí thị trường" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await AssertProblemAsync(await user.PostAsJsonAsync(complaints, new { entryId = theirs, complainant = "HTX Chè Đường Hoa", content = "Bản sao" }),
            HttpStatusCode.NotFound, "/errors/not-found");
        var theirComplaint = (await _host.PostAsync(complaints, new { entryId = theirs, complainant = "Công ty Gốm", content = "Xin xem lại" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var seen = await ExpectAsync(await user.GetAsync(complaints), HttpStatusCode.OK);
        Assert.Equal([ownComplaint], seen.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await user.PostAsJsonAsync($"{complaints}/{ownComplaint}/answer", new { answer = "Giữ nguyên" })).StatusCode);
        foreach (var complaint in new[] { ownComplaint, theirComplaint })
        {
            await _host.PostAsync($"{complaints}/{complaint}/answer", new { answer = "Giữ nguyên kết quả" }, HttpStatusCode.OK);
        }

        _host.Clock.SetToday(new DateOnly(2025, 5, 12));
        var closed = await _host.PostAsync($"/api/products/competitions/{_competition}/close", new { }, HttpStatusCode.OK);
        var certificates = closed.GetProperty("certificates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("entryId").GetGuid(), c => c.GetProperty("id").GetGuid());
        var (ownCertificate, theirCertificate) = (certificates[own], certificates[theirs]);

        var page = await ExpectAsync(await user.GetAsync("/api/products/certificates"), HttpStatusCode.OK);
        Assert.Equal([ownCertificate], page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var filtered = await ExpectAsync(await user.GetAsync($"/api/products/certificates?establishmentTaxCode={OtherTaxCode}"), HttpStatusCode.OK);
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
        await ExpectAsync(await user.GetAsync($"/api/products/certificates/{ownCertificate}"), HttpStatusCode.OK);
        await AssertProblemAsync(await user.GetAsync($"/api/products/certificates/{theirCertificate}"), HttpStatusCode.NotFound, "/errors/not-found");

        var report = new { year = 2025, revenue = 900_000_000L, employees = 18, supportResults = "Hỗ trợ hội chợ", productionAndBusiness = "Ổn định" };
        await ExpectAsync(await user.PostAsJsonAsync($"/api/products/certificates/{ownCertificate}/holder-reports", report), HttpStatusCode.Created);
        await AssertProblemAsync(await user.PostAsJsonAsync($"/api/products/certificates/{theirCertificate}/holder-reports", report),
            HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await user.PostAsJsonAsync($"/api/products/certificates/{ownCertificate}/revoke", new { reason = "Tự huỷ" })).StatusCode);
        var theirsStored = await ExpectAsync(await _host.Client.GetAsync($"/api/products/certificates/{theirCertificate}"), HttpStatusCode.OK);
        Assert.Empty(theirsStored.GetProperty("holderReports").EnumerateArray());
        Assert.Equal(2, (await ExpectAsync(await _host.Client.GetAsync("/api/products/certificates"), HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_district_officer_of_another_unit_sees_none_of_these_establishments_records()
    {
        var entry = await IdOfAsync(await RegisterAsync(_host.Client, TaxCode, "Chè Đường Hoa"));
        var stranger = _host.ClientAs(TestUser.DistrictOfficer("van-don", "Vân Đồn"));
        Assert.Equal(0, (await ExpectAsync(await stranger.GetAsync(Entries), HttpStatusCode.OK)).GetArrayLength());
        await AssertProblemAsync(await stranger.GetAsync($"{Entries}/{entry}"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await RegisterAsync(stranger, TaxCode, "Trà hoa vàng"), HttpStatusCode.Forbidden, "/errors/out-of-scope");
    }

    [Fact]
    public async Task Sql_and_script_in_free_text_are_stored_and_returned_literally()
    {
        const string injection = "'; DROP TABLE entries; --";
        const string script = "<script>alert(1)</script>";
        var user = _host.ClientAs(TestUser.Establishment(TaxCode));
        var entry = await IdOfAsync(await RegisterAsync(user, TaxCode, injection, script));

        var stored = await ExpectAsync(await user.GetAsync($"{Entries}/{entry}"), HttpStatusCode.OK);
        Assert.Equal(injection, stored.GetProperty("productName").GetString());
        Assert.Equal(script, stored.GetProperty("description").GetString());
        var listed = Assert.Single((await ExpectAsync(await user.GetAsync(Entries), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(injection, listed.GetProperty("productName").GetString());
        Assert.Equal(1, await _host.WithDbAsync(db => db.Entries.CountAsync()));

        await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 4, 1), script, 7);
        var anonymous = _host.AnonymousClient();
        var catalogue = await ExpectAsync(await anonymous.GetAsync($"/api/products/catalogue?q={Uri.EscapeDataString(script)}"), HttpStatusCode.OK);
        Assert.Equal(script, Assert.Single(catalogue.GetProperty("items").EnumerateArray()).GetProperty("productName").GetString());
        var none = await ExpectAsync(await anonymous.GetAsync($"/api/products/catalogue?q={Uri.EscapeDataString(injection)}"), HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(2, await _host.WithDbAsync(db => db.Entries.CountAsync()));
    }
}
