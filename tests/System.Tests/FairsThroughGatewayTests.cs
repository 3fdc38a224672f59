using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

[Collection(PlatformCollection.Name)]
public sealed class FairsThroughGatewayTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task A_fair_is_published_establishments_register_the_allocation_explains_itself_and_outcomes_are_recorded()
    {
        var (early, late, highland) = (ThroughTheGateway.NewTaxCode(), ThroughTheGateway.NewTaxCode(), ThroughTheGateway.NewTaxCode());
        await Gateway.RegisterEstablishmentsAsync((early, "ha-long"), (late, "cam-pha"), (highland, "binh-lieu"));
        // Registration closes today and the fair opens today, so all of it happens now.
        var today = ThroughTheGateway.Today;
        var reportQuery = $"/api/reports/fairs?fromYear={today.Year}&toYear={today.Year}";
        async Task<(long Booths, long Sales, long Support)> ReportedAsync()
        {
            var figures = (await Gateway.GetFromJsonAsync<JsonElement>(reportQuery)).GetProperty("total").GetProperty("figures");
            return (figures.GetProperty("booths").GetInt64(), figures.GetProperty("salesValue").GetInt64(), figures.GetProperty("totalSupport").GetInt64());
        }
        var before = await ReportedAsync();
        var fair = await Gateway.PostAsync("/api/fairs", new
        {
            name = $"Hội chợ hàng CNNT tiêu biểu ({Guid.NewGuid():N})", kind = "DomesticProgramme", organiser = "Trung tâm Xúc tiến và Phát triển công thương",
            venue = "Cung Quy hoạch, Hội chợ và Triển lãm Quảng Ninh", province = "Quảng Ninh",
            startDate = today, endDate = today.AddDays(3), registrationDeadline = today, boothCount = 2, boothRent = 10_000_000,
        }, HttpStatusCode.Created);
        var path = $"/api/fairs/{fair.GetProperty("id").GetString()}";
        Assert.Equal("OpenForRegistration", (await Gateway.PostAsync($"{path}/publish")).GetProperty("status").GetString());

        var registrations = new Dictionary<string, string>();
        foreach (var taxCode in new[] { early, late, highland })
        {
            var registration = await Gateway.PostOnceKnownAsync($"{path}/registrations", new
            {
                establishmentTaxCode = taxCode, products = new[] { "Miến dong Bình Liêu" }, boothsWanted = 1,
                contact = new { name = "Nguyễn Thị Bình", phone = "0912 345 678" },
            });
            registrations[taxCode] = registration.GetProperty("registration").GetProperty("id").GetString()!;
        }
        await Gateway.PostAsync($"{path}/close-registration");
        var allocation = await Gateway.PostAsync($"{path}/allocation");

        var results = allocation.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([highland, early, late], results.Select(r => r.GetProperty("establishmentTaxCode").GetString()));
        Assert.StartsWith("Được phân 1 gian hàng: không có giấy chứng nhận sản phẩm CNNT tiêu biểu còn hiệu lực, thuộc địa bàn ưu tiên Bình Liêu (ưu tiên 2)", results[0].GetProperty("reason").GetString());
        Assert.StartsWith("Được phân 1 gian hàng: không có giấy chứng nhận sản phẩm CNNT tiêu biểu còn hiệu lực, không thuộc địa bàn ưu tiên (ưu tiên 3)", results[1].GetProperty("reason").GetString());
        Assert.StartsWith("Vào danh sách chờ: cả 2 gian hàng đã được phân cho các đăng ký đứng trước trong thứ tự", results[2].GetProperty("reason").GetString());
        Assert.Equal(10_000_000, results[0].GetProperty("support").GetInt64());

        await Gateway.PostAsync($"{path}/held");
        await Gateway.PutAsync($"{path}/registrations/{registrations[highland]}/outcome", new { contractsSigned = 2, contractValue = 150_000_000, sales = 42_000_000, visitors = 520 });
        await Gateway.PutAsync($"{path}/registrations/{registrations[early]}/outcome", new { contractsSigned = 0, contractValue = 0, sales = 9_000_000, visitors = 180 });
        var closed = await Gateway.PostAsync($"{path}/close");

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        var totals = (await Gateway.GetFromJsonAsync<JsonElement>($"{path}/outcomes")).GetProperty("totals");
        Assert.Equal((2, 2, 150_000_000L, 51_000_000L, 700, 20_000_000L), (totals.GetProperty("participants").GetInt32(), totals.GetProperty("contractsSigned").GetInt32(),
            totals.GetProperty("contractValue").GetInt64(), totals.GetProperty("sales").GetInt64(), totals.GetProperty("visitors").GetInt32(), totals.GetProperty("totalSupport").GetInt64()));

        // Reporting receives the outcomes: two booths held, their sales and support.
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
            await ReportedAsync() == (before.Booths + 2, before.Sales + 51_000_000, before.Support + 20_000_000)),
            "the fair's outcomes never reached the fairs report");
    }
}
