using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Fairs.Data;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : TestServersCollection;

/// <summary>The Fairs service on its own fresh database, with a settable clock and helpers to seed and count.</summary>
public abstract class FairsApp : ServiceHost<Program, FairsDbContext>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>10:15 on 2 March 2026 in the province.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 15, 0, TimeSpan.FromHours(7));

    protected FairsApp(PostgresServer postgres, RabbitMqServer rabbit, params (string Key, string Value)[] settings)
        : this(postgres, rabbit, NewClock(), settings)
    {
    }

    private FairsApp(PostgresServer postgres, RabbitMqServer rabbit, FakeTimeProvider clock, (string Key, string Value)[] settings)
        // The test clock jumps months ahead; sent events are kept so the tests can read them.
        : base(postgres, rabbit, "fairs", [("Messaging:Outbox:Retention", "3650.00:00:00"), .. settings], clock, user: TestUser.Officer) =>
        Clock = clock;

    /// <summary>A clock standing at <see cref="Start"/> until a test sets it.</summary>
    private static FakeTimeProvider NewClock() => new(Start.ToUniversalTime());

    protected FakeTimeProvider Clock { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await DisposeHostAsync();

    /// <summary>Puts an establishment in the local copy of the registry, as its EstablishmentRegistered event would.</summary>
    protected Task<Guid> KnowEstablishmentAsync(string taxCode, bool priorityArea = false, string district = "Hạ Long", string unitCode = "unit") => WithDbAsync(async db =>
    {
        var id = Guid.NewGuid();
        db.Establishments.Add(KnownEstablishment.From(EstablishmentEvent(id, taxCode, 1, priorityArea, district, unitCode)));
        await db.SaveChangesAsync();
        return id;
    });

    public static EstablishmentRegistered EstablishmentEvent(Guid id, string taxCode, int revision, bool priorityArea, string district, string unitCode = "unit") => new()
    {
        EstablishmentId = id,
        Revision = revision,
        TaxCode = taxCode,
        Name = $"HTX chè {taxCode}",
        Type = EstablishmentType.Cooperative,
        Sector = Sector.AgriculturalProducts,
        AdministrativeUnitCode = unitCode,
        AdministrativeUnitName = district,
        District = district,
        IsPriorityArea = priorityArea,
        Address = "Thôn 1",
        Representative = "Nguyễn Văn A",
        Employees = 12,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Puts a certificate in the local copy, as its ProductRecognized event would.</summary>
    protected Task KnowCertificateAsync(string taxCode, string number, CertificateLevel level = CertificateLevel.Provincial, bool revoked = false) => WithDbAsync(async db =>
    {
        var certificate = KnownCertificate.Identify(Guid.NewGuid(), number, taxCode, level);
        certificate.Recognize("Chè Đường Hoa", new DateOnly(2025, 11, 1), new DateOnly(2028, 12, 31));
        if (revoked)
        {
            certificate.Revoke(new DateOnly(2026, 1, 10));
        }
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return 0;
    });

    public static Dictionary<string, object?> FairBody(string kind = "DomesticProgramme", int booths = 3, string name = "Hội chợ hàng CNNT tiêu biểu Quảng Ninh 2026") => new()
    {
        ["name"] = name,
        ["kind"] = kind,
        ["organiser"] = "Trung tâm Xúc tiến và Phát triển công thương",
        ["venue"] = "Cung Quy hoạch, Hội chợ và Triển lãm Quảng Ninh",
        ["province"] = "Quảng Ninh",
        ["startDate"] = "2026-06-10",
        ["endDate"] = "2026-06-14",
        ["registrationDeadline"] = "2026-05-20",
        ["boothCount"] = booths,
        ["boothRent"] = 12_000_000,
    };

    protected async Task<JsonElement> CreateFairAsync(Dictionary<string, object?>? body = null)
    {
        var response = await Client.PostAsJsonAsync("/api/fairs", body ?? FairBody());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    protected async Task<string> OpenFairAsync(Dictionary<string, object?>? body = null)
    {
        var id = (await CreateFairAsync(body)).GetProperty("id").GetString()!;
        await PostOkAsync($"/api/fairs/{id}/publish");
        return id;
    }

    protected async Task<JsonElement> PostOkAsync(string path, object? body = null)
    {
        var response = body is null ? await Client.PostAsync(path, null) : await Client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    protected async Task<JsonElement> PutOkAsync(string path, object body)
    {
        var response = await Client.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static object RegistrationBody(string taxCode, int booths = 1) => new
    {
        establishmentTaxCode = taxCode,
        products = new[] { "Chè Đường Hoa", "Trà hoa vàng" },
        boothsWanted = booths,
        contact = new { name = "Nguyễn Thị B", phone = "0912 345 678", email = "b@htxche.vn" },
    };

    protected Task<HttpResponseMessage> RegisterAsync(string fairId, string taxCode, int booths = 1, HttpClient? client = null) =>
        (client ?? Client).PostAsJsonAsync($"/api/fairs/{fairId}/registrations", RegistrationBody(taxCode, booths));

    protected async Task<string> RegisteredAsync(string fairId, string taxCode, int booths = 1, HttpClient? client = null)
    {
        var response = await RegisterAsync(fairId, taxCode, booths, client);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registration").GetProperty("id").GetString()!;
    }

    /// <summary>The short type names of the integration events written so far, in order.</summary>
    protected Task<List<string>> EventTypesAsync() => WithDbAsync(async db =>
        (await db.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync())
            .Select(t => t.Split(',')[0].Split('.')[^1]).ToList());

    /// <summary>The events of one type written so far, in order.</summary>
    protected Task<List<T>> EventsAsync<T>() => WithDbAsync(async db =>
        (await db.OutboxMessages.OrderBy(m => m.Sequence).Where(m => m.MessageType.StartsWith(typeof(T).FullName + ",")).Select(m => m.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<T>(p, Json)!).ToList());

    /// <summary>Fairs, registrations and integration events written so far.</summary>
    protected Task<(int Fairs, int Registrations, int Events)> CountsAsync() => WithDbAsync(async db =>
        (await db.Fairs.CountAsync(), await db.Registrations.CountAsync(), await db.OutboxMessages.CountAsync()));
}
