using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Arranges data through the gateway's APIs, as the other tests' officers would have entered it; a competition's
/// jurors are appraiser accounts of <paramref name="accounts"/>, each scoring their own seat with their own token.
/// </summary>
public sealed class PlatformApi(HttpClient gateway, PlatformAccounts accounts)
{
    private readonly Dictionary<Guid, HttpClient> _jurorOfSeat = [];

    /// <summary>A small real PNG (96×64, one colour), so that the catalogue shows a picture.</summary>
    public static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAaUlEQVR42u3QMQ0AAAgDsCniwB/eccDN0aQKmprmEAWCBAkSJEiQIEEIEiRIkCBBggQhSJAgQYIECRKEIEGCBAkSJEiQIAQJEiRIkCBBghAkSJAgQYIECUKQIEGCBAkSJEgQggQJEvTPAsW+uS1dxpoZAAAAAElFTkSuQmCC");

    /// <summary>A fresh tax code ending in its official check digit (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; a remainder of 0 has none).</summary>
    public static string NewTaxCode()
    {
        int[] weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
        while (true)
        {
            var nine = "57" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            var check = 10 - nine.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
            if (check < 10)
            {
                return nine + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);

    public async Task<string> RegisterEstablishmentAsync(string name)
    {
        var taxCode = NewTaxCode();
        await ExpectAsync(await gateway.PostAsJsonAsync("/api/establishments", new
        {
            taxCode, name, type = "Cooperative", sector = "AgriculturalProducts", administrativeUnitCode = "x-duong-hoa",
            address = "Thôn 2, Đường Hoa", representative = "Nguyễn Văn An", employees = 25,
        }), HttpStatusCode.Created);
        return taxCode;
    }

    /// <summary>
    /// A district competition held earlier and recorded after the fact with the dates of its papers, so that the
    /// complaint period is over and its certificate is issued today: the product enters the public catalogue.
    /// </summary>
    public async Task<Guid> RecogniseProductAsync(string taxCode, string product)
    {
        var (competition, entry, opens) = await ScoredEntryAsync(taxCode, product);
        await ExpectAsync(await gateway.PostAsJsonAsync($"/api/products/competitions/{competition}/publish-results",
            new { publishedOn = opens.AddDays(40), decisionNumber = "15/QĐ-UBND", recognisedEntryIds = new[] { entry } }), HttpStatusCode.OK);
        await ExpectAsync(await gateway.PostAsJsonAsync($"/api/products/competitions/{competition}/close", new { }), HttpStatusCode.OK);
        return competition;
    }

    /// <summary>
    /// A competition whose five jurors have each scored the establishment's entry above the pass mark: its results
    /// wait to be published.
    /// </summary>
    public async Task<(Guid Competition, Guid Entry, DateOnly Opens)> ScoredEntryAsync(string taxCode, string product)
    {
        var (competition, entry, members, opens) = await EntryUnderScoringAsync(taxCode, product);
        foreach (var member in members)
        {
            await ExpectAsync(await _jurorOfSeat[member].PostAsJsonAsync($"/api/products/competitions/{competition}/entries/{entry}/scores",
                new { memberId = member, market = 35, technical = 30, cultural = 9, other = 8 }), HttpStatusCode.OK);
        }
        return (competition, entry, opens);
    }

    /// <summary>
    /// A competition of a jury of five appraiser accounts scoring the establishment's entry, which has its photos;
    /// <paramref name="firstJuror"/>, an appraiser's account id, takes the chair's seat instead of the first test juror.
    /// </summary>
    public async Task<(Guid Competition, Guid Entry, IReadOnlyList<Guid> Members, DateOnly Opens)> EntryUnderScoringAsync(string taxCode, string product,
        string? firstJuror = null)
    {
        var opens = Today.AddDays(-100);
        var (competition, members) = await OpenCompetitionAsync(product, opens, firstJuror);

        // The Products service learns of the establishment from the registry's event.
        HttpResponseMessage? registered = null;
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), async () =>
        {
            registered = await gateway.PostAsJsonAsync($"/api/products/competitions/{competition}/entries", new
            {
                establishmentTaxCode = taxCode, group = "ProcessedFoodAndAgriculture", productName = product,
                description = "Chè búp tươi sao khô thủ công", receivedOn = opens.AddDays(10),
            });
            return registered.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromMilliseconds(500)), "the Products service never learnt of the establishment");
        var entry = (await ExpectAsync(registered!, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        foreach (var name in new[] { "front.png", "side.png", "top.png" })
        {
            using var photo = new MultipartFormDataContent();
            var content = new ByteArrayContent(KhuyenCong.TestSupport.SampleFiles.Picture(800, 600));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            photo.Add(content, "file", name);
            photo.Add(new StringContent("ProductPhoto"), "kind");
            await ExpectAsync(await gateway.PostAsync($"/api/products/competitions/{competition}/entries/{entry}/attachments", photo), HttpStatusCode.Created);
        }
        await ExpectAsync(await gateway.PostAsync($"/api/products/competitions/{competition}/entries/{entry}/submit", null), HttpStatusCode.OK);
        await ExpectAsync(await gateway.PostAsync($"/api/products/competitions/{competition}/start-scoring", null), HttpStatusCode.OK);
        return (competition, entry, members, opens);
    }

    /// <summary>
    /// A district competition of <paramref name="opens"/>'s year open for entries for 30 days from that day, its jury
    /// five appraiser accounts (<paramref name="firstJuror"/>, an appraiser's account id, in the chair's seat when given);
    /// answers the competition and the jury's seats.
    /// </summary>
    public async Task<(Guid Competition, IReadOnlyList<Guid> Members)> OpenCompetitionAsync(string product, DateOnly opens, string? firstJuror = null)
    {
        var jury = (await accounts.JuryAsync(5)).ToList();
        if (firstJuror is not null)
        {
            jury[0] = new CouncilMember(firstJuror, gateway);
            Assert.True(await accounts.KnownToAsync("/api/products/appraisers", jury), "the Products service never learnt of the first juror");
        }
        var competition = (await ExpectAsync(await gateway.PostAsJsonAsync("/api/products/competitions", new
        {
            title = $"Bình chọn sản phẩm CNNT tiêu biểu cấp huyện {opens.Year} ({product})", level = "District", year = opens.Year, district = "Hải Hà",
            registrationOpensOn = opens, registrationClosesOn = opens.AddDays(30),
            // District rounds are usually held in odd years (Art. 14); in an even year the province's decision names it.
            scheduleDecisionNumber = opens.Year % 2 == 0 ? "15/QĐ-UBND" : null, scheduleDecisionDate = opens.Year % 2 == 0 ? opens.AddDays(-10) : (DateOnly?)null,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var council = await ExpectAsync(await gateway.PutAsJsonAsync($"/api/products/competitions/{competition}/council", new
        {
            members = jury.Select((juror, i) => new { userId = juror.UserId, position = i == 0 ? "Chủ tịch hội đồng" : "Ủy viên", chair = i == 0 }),
        }), HttpStatusCode.OK);
        var members = council.GetProperty("council").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        foreach (var (seat, juror) in members.Zip(jury))
        {
            _jurorOfSeat[seat] = juror.Client;
        }
        await ExpectAsync(await gateway.PostAsync($"/api/products/competitions/{competition}/open", null), HttpStatusCode.OK);
        return (competition, members);
    }

    public async Task<Guid> PlanCourseAsync(string title) =>
        (await ExpectAsync(await gateway.PostAsJsonAsync("/api/training/courses", new
        {
            type = "VocationalTraining", title, trade = "Chế biến chè", administrativeUnitCode = "x-duong-hoa", location = "Nhà văn hóa thôn 2",
            district = "Hải Hà", planYear = Today.Year, startDate = Today.AddDays(20), endDate = Today.AddDays(50), capacity = 2,
            budget = 60_000_000, instructors = new[] { "Nguyễn Thị Hoa" },
        }), HttpStatusCode.Created)).GetProperty("course").GetProperty("id").GetGuid();

    /// <summary>
    /// A course as <see cref="PlanCourseAsync"/> plans it, started with one trainee (one person is registered once: each
    /// course under way needs its own) and the attendance of its first session.
    /// </summary>
    public async Task<Guid> CourseUnderWayAsync(string title, string trainee = "Vi Văn Khánh")
    {
        var course = await PlanCourseAsync(title);
        var traineeId = (await ExpectAsync(await gateway.PostAsJsonAsync("/api/training/trainees",
            new { fullName = trainee, birthYear = 1980, gender = "Male", ethnicGroup = "Sán Dìu" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ExpectAsync(await gateway.PostAsync($"/api/training/courses/{course}/open", null), HttpStatusCode.OK);
        var seat = (await ExpectAsync(await gateway.PostAsJsonAsync($"/api/training/courses/{course}/enrolments", new { traineeId }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await ExpectAsync(await gateway.PostAsync($"/api/training/courses/{course}/start", null), HttpStatusCode.OK);
        await ExpectAsync(await gateway.PostAsJsonAsync($"/api/training/courses/{course}/sessions",
            new { heldOn = Today.AddDays(20), topic = "Kỹ thuật sao chè", presentEnrolmentIds = new[] { seat } }), HttpStatusCode.Created);
        return course;
    }

    /// <summary>
    /// A course held earlier (dates of last year's May) and completed, whose one trainee attended and holds a certificate;
    /// answers the course and the trainee's enrolment.
    /// </summary>
    public async Task<(Guid Course, Guid Enrolment)> CertifiedCourseAsync(string title, string trainee)
    {
        var year = Today.Year - 1;
        var course = (await ExpectAsync(await gateway.PostAsJsonAsync("/api/training/courses", new
        {
            type = "VocationalTraining", title, trade = "Chế biến chè", administrativeUnitCode = "x-duong-hoa", location = "Nhà văn hóa thôn 2",
            district = "Hải Hà", planYear = year, startDate = new DateOnly(year, 5, 6), endDate = new DateOnly(year, 5, 17), capacity = 2,
            budget = 60_000_000, instructors = new[] { "Nguyễn Thị Hoa" },
        }), HttpStatusCode.Created)).GetProperty("course").GetProperty("id").GetGuid();
        await ExpectAsync(await gateway.PostAsync($"/api/training/courses/{course}/open", null), HttpStatusCode.OK);
        var traineeId = (await ExpectAsync(await gateway.PostAsJsonAsync("/api/training/trainees", new
        {
            fullName = trainee, birthYear = 1992, gender = "Female", ethnicGroup = "Tày",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var enrolment = (await ExpectAsync(await gateway.PostAsJsonAsync($"/api/training/courses/{course}/enrolments", new { traineeId }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ExpectAsync(await gateway.PostAsync($"/api/training/courses/{course}/start", null), HttpStatusCode.OK);
        await ExpectAsync(await gateway.PostAsJsonAsync($"/api/training/courses/{course}/sessions",
            new { heldOn = new DateOnly(year, 5, 6), presentEnrolmentIds = new[] { enrolment } }), HttpStatusCode.Created);
        await ExpectAsync(await gateway.PostAsync($"/api/training/courses/{course}/complete", null), HttpStatusCode.OK);
        await ExpectAsync(await gateway.PostAsync($"/api/training/courses/{course}/certificates", null), HttpStatusCode.OK);
        return (course, enrolment);
    }

    public async Task<Guid> CreateFairAsync(string name) =>
        (await ExpectAsync(await gateway.PostAsJsonAsync("/api/fairs", new
        {
            name, kind = "DomesticProgramme", organiser = "Trung tâm XTPTCT Quảng Ninh", venue = "Cung Quy hoạch, Hội chợ và Triển lãm",
            province = "Quảng Ninh", startDate = Today.AddDays(40), endDate = Today.AddDays(44), registrationDeadline = Today.AddDays(20),
            boothCount = 20, boothRent = 12_000_000,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>A fair open for registration, as <see cref="CreateFairAsync"/> plans it.</summary>
    public async Task<Guid> PublishFairAsync(string name)
    {
        var fair = await CreateFairAsync(name);
        await ExpectAsync(await gateway.PostAsync($"/api/fairs/{fair}/publish", null), HttpStatusCode.OK);
        return fair;
    }

    /// <summary>The establishment's registration for the fair, entered by an officer once the Fairs service knows the establishment.</summary>
    public async Task RegisterForFairAsync(Guid fair, string taxCode, int booths)
    {
        HttpResponseMessage? registered = null;
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), async () =>
        {
            registered = await gateway.PostAsJsonAsync($"/api/fairs/{fair}/registrations", new
            {
                establishmentTaxCode = taxCode, products = new[] { "Chè búp khô" }, boothsWanted = booths,
                contact = new { name = "Nguyễn Văn An", phone = "0912 345 678" },
            });
            return registered.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromMilliseconds(500)), "the Fairs service never learnt of the establishment");
        await ExpectAsync(registered!, HttpStatusCode.Created);
    }

    /// <summary>Closes the fair's registration and runs the booth allocation.</summary>
    public async Task AllocateBoothsAsync(Guid fair)
    {
        await ExpectAsync(await gateway.PostAsync($"/api/fairs/{fair}/close-registration", null), HttpStatusCode.OK);
        await ExpectAsync(await gateway.PostAsync($"/api/fairs/{fair}/allocation", null), HttpStatusCode.OK);
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
