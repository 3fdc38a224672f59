using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Platform.Accounts;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Data;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KhuyenCong.Products.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : TestServersCollection;

/// <summary>The Products service on its own new database, with a test clock and helpers to drive a competition.</summary>
public sealed class ProductsHost : ServiceHost<Program, ProductsDbContext>, IAsyncDisposable
{
    public const string TaxCode = "5700100256";
    public const string District = "Hải Hà";

    public ProductsHost(PostgresServer postgres, RabbitMqServer rabbit, DateOnly today, bool waitForBus = false,
        IReadOnlyDictionary<string, string>? settings = null)
        : this(postgres, rabbit, new FakeTimeProvider(), today, waitForBus, settings)
    {
    }

    private ProductsHost(PostgresServer postgres, RabbitMqServer rabbit, FakeTimeProvider clock, DateOnly today, bool waitForBus,
        IReadOnlyDictionary<string, string>? settings)
        : base(postgres, rabbit, "products", settings?.Select(s => (s.Key, s.Value)), clock, waitForBus, TestUser.Officer)
    {
        Clock = clock;
        Clock.SetToday(today);
        StartNow();
    }

    public FakeTimeProvider Clock { get; }

    public ValueTask DisposeAsync() => DisposeHostAsync();

    /// <summary>
    /// Puts an establishment in the local copy of the registry, as its registration event would; its administrative
    /// unit's code is <paramref name="unitCode"/>, or the district's name when none is given.
    /// </summary>
    public Task AddEstablishmentAsync(string taxCode = TaxCode, string name = "HTX Chè Đường Hoa", string district = District,
        string? unitCode = null) =>
        WithDbAsync(async db =>
        {
            db.KnownEstablishments.Add(KnownEstablishment.From(new EstablishmentRegistered
            {
                EstablishmentId = Guid.NewGuid(),
                Revision = 1,
                TaxCode = taxCode,
                Name = name,
                Type = EstablishmentType.Cooperative,
                Sector = Sector.Other,
                AdministrativeUnitCode = unitCode ?? district,
                AdministrativeUnitName = district,
                District = district,
                IsPriorityArea = false,
                Address = "Quảng Ninh",
                Representative = "Nguyễn Văn A",
                Employees = 20,
                OccurredAt = Clock.GetUtcNow(),
            }));
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Creates a competition; a district one is held in <paramref name="district"/> (the host's district unless
    /// given), and one outside its level's usual years (Art. 14) names an authority's decision.
    /// </summary>
    public async Task<JsonElement> CreateCompetitionAsync(string level, int year, DateOnly opens, DateOnly closes, string? region = null,
        string? district = null)
    {
        var offCycle = level is "District" or "Provincial" ? year % 2 == 0 : year % 2 != 0;
        var response = await Client.PostAsJsonAsync("/api/products/competitions", new
        {
            title = $"Bình chọn sản phẩm CNNT tiêu biểu {level} {year}",
            level, year, region,
            registrationOpensOn = opens,
            registrationClosesOn = closes,
            district = level == "District" ? district ?? District : null,
            scheduleDecisionNumber = offCycle ? "125/QĐ-UBND" : null,
            scheduleDecisionDate = offCycle ? ProvinceCalendar.Today(Clock) : (DateOnly?)null,
        });
        return await ExpectAsync(response, HttpStatusCode.Created);
    }

    /// <summary>The jurors' accounts, <c>juror-1</c> to <c>juror-13</c> (enough for a national council), with tokens of their own.</summary>
    public static readonly TestUser[] Jurors =
        [.. Enumerable.Range(1, 13).Select(i => new TestUser(PlatformRoles.Appraiser, Subject: $"juror-{i}"))];

    /// <summary>The juror holding each seat the host seated, so that the seat's own user scores it.</summary>
    private readonly ConcurrentDictionary<Guid, TestUser> _seatHolders = new();
    private bool _jurorsKnown;

    /// <summary>Seats a council of the first <paramref name="size"/> jurors, the first the chair, and returns the seat ids.</summary>
    public async Task<List<Guid>> SetCouncilAsync(Guid competitionId, int size)
    {
        if (!_jurorsKnown)
        {
            await SeedAccountsAsync([.. Jurors.Select((j, i) => AccountEvents.Of(j.Subject!, $"Giám khảo {i + 1}"))]);
            _jurorsKnown = true;
        }
        var response = await Client.PutAsJsonAsync($"/api/products/competitions/{competitionId}/council", new
        {
            members = Jurors.Take(size).Select((j, i) => new { userId = j.Subject, position = i == 0 ? "Chủ tịch" : "Ủy viên", chair = i == 0 }),
        });
        var body = await ExpectAsync(response, HttpStatusCode.OK);
        var seats = body.GetProperty("council").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        for (var i = 0; i < seats.Count; i++)
        {
            _seatHolders[seats[i]] = Jurors[i];
        }
        return seats;
    }

    /// <summary>The juror holding a seat the host seated; an officer for a seat it does not know.</summary>
    public TestUser HolderOf(Guid memberId) => _seatHolders.GetValueOrDefault(memberId, TestUser.Officer);

    public async Task<JsonElement> PostAsync(string path, object? body, HttpStatusCode expected)
    {
        var response = body is null ? await Client.PostAsync(path, null) : await Client.PostAsJsonAsync(path, body);
        return await ExpectAsync(response, expected);
    }

    public async Task<Guid> RegisterEntryAsync(Guid competitionId, string product, string group = "ProcessedFoodAndAgriculture",
        string taxCode = TaxCode, string? certificate = null)
    {
        var body = await PostAsync($"/api/products/competitions/{competitionId}/entries", new
        {
            establishmentTaxCode = taxCode, group, productName = product, description = $"{product}: sản phẩm của cơ sở",
            lowerLevelCertificateNumber = certificate,
        }, HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> AttachPhotoAsync(Guid competitionId, Guid entryId, string name = "front.png") =>
        AttachPhotoAsync(Client, competitionId, entryId, name);

    /// <summary>Attaches a product photo (a small real picture, a shade of its own) to the entry's dossier as the client's user.</summary>
    public static Task<HttpResponseMessage> AttachPhotoAsync(HttpClient client, Guid competitionId, Guid entryId, string name = "front.png") =>
        client.PostAsync($"/api/products/competitions/{competitionId}/entries/{entryId}/attachments",
            SampleFiles.Upload(SampleFiles.Picture(40 + (name.Length % 7), 30), name, "ProductPhoto"));

    public Task AddThreePhotosAndSubmitAsync(Guid competitionId, Guid entryId) => AddThreePhotosAndSubmitAsync(Client, competitionId, entryId);

    /// <summary>Completes the entry's dossier with three photos and submits it, as the client's user.</summary>
    public static async Task AddThreePhotosAndSubmitAsync(HttpClient client, Guid competitionId, Guid entryId)
    {
        foreach (var name in new[] { "front.png", "side.png", "top.png" })
        {
            await ExpectAsync(await AttachPhotoAsync(client, competitionId, entryId, name), HttpStatusCode.Created);
        }
        await ExpectAsync(await client.PostAsync($"/api/products/competitions/{competitionId}/entries/{entryId}/submit", null), HttpStatusCode.OK);
    }

    /// <summary>The seat's own juror sends the sheet.</summary>
    public Task<HttpResponseMessage> ScoreAsync(Guid competitionId, Guid entryId, Guid memberId, decimal market, decimal technical,
        decimal cultural = 10, decimal other = 10) =>
        ClientAs(HolderOf(memberId)).PostAsJsonAsync($"/api/products/competitions/{competitionId}/entries/{entryId}/scores",
            new { memberId, market, technical, cultural, other });

    /// <summary>Every member scores the entry with a sheet whose total is 20 + market + technical.</summary>
    public async Task ScoreAllAsync(Guid competitionId, Guid entryId, IEnumerable<Guid> members, decimal market, decimal technical)
    {
        foreach (var member in members)
        {
            await ExpectAsync(await ScoreAsync(competitionId, entryId, member, market, technical), HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// Runs a competition of one entry to its certificate: opened on <paramref name="opens"/>, results published a
    /// month later, closed after the complaint period. Leaves the clock on the day of issue; returns the certificate.
    /// </summary>
    public async Task<JsonElement> RunToCertificateAsync(string level, DateOnly opens, string product, int councilSize,
        string? lowerCertificate = null, string? region = null, string group = "ProcessedFoodAndAgriculture", string taxCode = TaxCode)
    {
        Clock.SetToday(opens);
        var competition = (await CreateCompetitionAsync(level, opens.Year, opens, opens.AddDays(20), region)).GetProperty("id").GetGuid();
        var members = await SetCouncilAsync(competition, councilSize);
        await PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        var entry = await RegisterEntryAsync(competition, product, group, taxCode, lowerCertificate);
        await AddThreePhotosAndSubmitAsync(competition, entry);
        await PostAsync($"/api/products/competitions/{competition}/start-scoring", null, HttpStatusCode.OK);
        await ScoreAllAsync(competition, entry, members, 35, 30);
        Clock.SetToday(opens.AddDays(30));
        await PostAsync($"/api/products/competitions/{competition}/publish-results",
            new { decisionNumber = "01/QĐ", recognisedEntryIds = new[] { entry } }, HttpStatusCode.OK);
        Clock.SetToday(opens.AddDays(70));
        var closed = await PostAsync($"/api/products/competitions/{competition}/close", new { }, HttpStatusCode.OK);
        return closed.GetProperty("certificates")[0];
    }
}
