using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Fairs.Data;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>
/// The allocation rule and its reasons read in Vietnamese by default and in English when the caller asks for it
/// (<c>Accept-Language: en</c>): the rule, a booth allocated by priority, a wait-listing by rank, an officer's override.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AllocationLanguageTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private HttpClient InEnglish()
    {
        var client = ClientAs(TestUser.Officer);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    /// <summary>A fair of one booth: a certificate holder gets it, a later registration of priority 3 waits, then an officer gives it one.</summary>
    private async Task<(string FairId, string Holder, string Waiting)> AllocatedFairAsync()
    {
        await KnowEstablishmentAsync("5740000001", priorityArea: true, district: "Bình Liêu");
        await KnowEstablishmentAsync("5740000002");
        await KnowCertificateAsync("5740000001", "22/2025/CN-TB");
        var fairId = await OpenFairAsync(FairBody("OtherDomestic", booths: 1));
        var holder = await RegisteredAsync(fairId, "5740000001");
        Clock.SetTo(Start.AddMinutes(5));
        var waiting = await RegisteredAsync(fairId, "5740000002");
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        await PostOkAsync($"/api/fairs/{fairId}/allocation");
        return (fairId, holder, waiting);
    }

    private static string? ReasonOf(JsonElement allocation, string registrationId) =>
        allocation.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == registrationId).GetProperty("reason").GetString();

    [Fact]
    public async Task The_rule_and_the_reasons_read_in_Vietnamese_by_default()
    {
        var (fairId, holder, waiting) = await AllocatedFairAsync();

        var allocation = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/allocation");

        Assert.StartsWith("Gian hàng được phân lần lượt theo một thứ tự cho đến khi hết: ưu tiên 1", allocation.GetProperty("rule").GetString());
        Assert.Equal(
            "Được phân 1 gian hàng: có giấy chứng nhận sản phẩm CNNT tiêu biểu cấp tỉnh số 22/2025/CN-TB còn hiệu lực, thuộc địa bàn ưu tiên Bình Liêu (ưu tiên 1), " +
            "đăng ký lúc 02/03/2026 10:15, thứ 1 trong thứ tự phân gian hàng.",
            ReasonOf(allocation, holder));
        Assert.Equal(
            "Vào danh sách chờ: cả 1 gian hàng đã được phân cho các đăng ký đứng trước trong thứ tự; không có giấy chứng nhận sản phẩm CNNT tiêu biểu còn hiệu lực, " +
            "không thuộc địa bàn ưu tiên (ưu tiên 3), đăng ký lúc 02/03/2026 10:20, thứ 2 trong thứ tự phân gian hàng.",
            ReasonOf(allocation, waiting));
    }

    [Fact]
    public async Task The_rule_and_the_reasons_read_in_English_on_request()
    {
        var (fairId, holder, waiting) = await AllocatedFairAsync();

        var allocation = await InEnglish().GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/allocation");

        Assert.StartsWith("Booths go in one order until they run out: priority 1", allocation.GetProperty("rule").GetString());
        Assert.Equal(
            "Allocated 1 booth: holds valid provincial certificate 22/2025/CN-TB, in priority area Bình Liêu (priority 1), registered 2026-03-02 10:15, 1st in the allocation order.",
            ReasonOf(allocation, holder));
        Assert.StartsWith("Wait-listed: all 1 booth went to registrations ahead in the order; no valid typical-product certificate", ReasonOf(allocation, waiting));
    }

    [Fact]
    public async Task An_override_reads_in_the_callers_language_with_what_the_rule_had_decided()
    {
        var (fairId, _, waiting) = await AllocatedFairAsync();
        await PutOkAsync($"/api/fairs/{fairId}/registrations/{waiting}/allocation", new { booths = 0, reason = "Giữ nguyên theo quy tắc" });

        var vietnamese = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/registrations/{waiting}");
        var english = await InEnglish().GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/registrations/{waiting}");

        var reasonVi = vietnamese.GetProperty("registration").GetProperty("reason").GetString();
        Assert.StartsWith("Cán bộ officer điều chỉnh lúc ", reasonVi);
        Assert.Contains(": vào danh sách chờ — Giữ nguyên theo quy tắc (quy tắc đã quyết định: Vào danh sách chờ: cả 1 gian hàng", reasonVi);
        Assert.StartsWith("Vào danh sách chờ:", vietnamese.GetProperty("ruleReason").GetString());
        var reasonEn = english.GetProperty("registration").GetProperty("reason").GetString();
        Assert.StartsWith("Manual override by officer on ", reasonEn);
        Assert.Contains(": wait-listed — Giữ nguyên theo quy tắc (the rule had decided: Wait-listed: all 1 booth", reasonEn);
        Assert.StartsWith("Wait-listed:", english.GetProperty("ruleReason").GetString());
    }
}

/// <summary>Reasons written as English sentences before they had codes become codes with their facts; unknown text stays.</summary>
[Collection(ServersCollection.Name)]
public sealed class AllocationReasonMigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_migration_turns_the_English_reasons_of_existing_registrations_into_codes_and_keeps_unknown_text()
    {
        var options = new DbContextOptionsBuilder<FairsDbContext>().UseNpgsql(postgres.NewDatabase("reasoncodes")).UseSnakeCaseNamingConvention().Options;
        await using var db = new FairsDbContext(options);
        var migrations = db.Database.GetMigrations().ToList();
        var coding = migrations.FindIndex(m => m.EndsWith("_AllocationReasonCodes", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[coding - 1]);
        var fairId = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO fairs (id, name, kind, organiser, venue, country, start_date, end_date, registration_deadline, booth_count, booth_rent,
                rent_share_percent, extra_support_per_participant, extra_costs_description, status, created_at, created_by, allocation_revision, outcome_revision)
            VALUES ({fairId}, 'Hội chợ cũ', 'OtherDomestic', 'Trung tâm', 'Hạ Long', 'Việt Nam', '2025-06-10', '2025-06-14', '2025-05-20', 3, 12000000,
                80, 0, '', 'Allocated', now(), 'officer', 1, 0)
            """);
        string[] reasons =
        [
            "Allocated 2 booths: holds valid provincial certificate 22/2025/CN-TB, in priority area Bình Liêu (priority 1), registered 2025-05-02 10:15, same registration time as another of this priority, ordered by tax code, 1st in the allocation order.",
            "Allocated 1 of 2 booths wanted, the last 1 booth left: no valid typical-product certificate, in priority area Ba Chẽ (priority 2), registered 2025-05-03 08:00, 2nd in the allocation order.",
            "Wait-listed: all 3 booths went to registrations ahead in the order; no valid typical-product certificate, not in a priority area (priority 3), registered 2025-05-04 09:30, 3rd in the allocation order.",
            "Phân theo quyết định của Giám đốc",
        ];
        for (var i = 0; i < reasons.Length; i++)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO fair_registrations (id, fair_id, establishment_id, tax_code, establishment_name, district, is_priority_area, products, booths_wanted,
                    contact_name, contact_phone, registered_at, status, booths_allocated, allocation_position, priority_rank, rule_reason, support, is_overridden)
                VALUES ({Guid.NewGuid()}, {fairId}, {Guid.NewGuid()}, {$"574000010{i}"}, 'HTX', 'Hạ Long', false, {new[] { "Chè" }}, 2,
                    'Nguyễn Văn A', '0912345678', now(), 'Allocated', 1, {i + 1}, 1, {reasons[i]}, 0, false)
                """);
        }

        await migrator.MigrateAsync();

        var stored = (await db.Registrations.AsNoTracking().OrderBy(r => r.AllocationPosition).ToListAsync()).Select(r => r.RuleReason!).ToList();
        Assert.Equal(("allocated", 2, 1, Domain.CertificateLevel.Provincial, "22/2025/CN-TB", "Bình Liêu", true),
            (stored[0].Code, stored[0].Booths, stored[0].Rank, stored[0].CertificateLevel, stored[0].CertificateNumber, stored[0].PriorityArea, stored[0].Tied));
        Assert.Equal(("partly-allocated", 1, 2, 2, "Ba Chẽ", 2), (stored[1].Code, stored[1].Booths, stored[1].BoothsWanted, stored[1].Rank, stored[1].PriorityArea, stored[1].Position));
        Assert.Equal(("wait-listed", 0, 3, 3, "2025-05-04 09:30"), (stored[2].Code, stored[2].Booths, stored[2].BoothCount, stored[2].Rank, stored[2].RegisteredAt));
        Assert.Equal(("text", "Phân theo quyết định của Giám đốc"), (stored[3].Code, stored[3].Text));
        // Read back in English, a converted reason is the sentence it was.
        Assert.Equal(reasons.Take(3), stored.Take(3).Select(r => Api.AllocationTexts.Sentence(r, english: true)));
        Assert.Equal("Được phân 1 trên 2 gian hàng đăng ký, là 1 gian cuối cùng còn lại: không có giấy chứng nhận sản phẩm CNNT tiêu biểu còn hiệu lực, " +
            "thuộc địa bàn ưu tiên Ba Chẽ (ưu tiên 2), đăng ký lúc 03/05/2025 08:00, thứ 2 trong thứ tự phân gian hàng.", Api.AllocationTexts.Sentence(stored[1], english: false));
    }
}
