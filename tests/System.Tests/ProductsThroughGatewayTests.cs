using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.DemoData;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

[Collection(PlatformCollection.Name)]
public sealed class ProductsThroughGatewayTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task A_competition_runs_end_to_end_and_the_catalogue_shows_the_recognised_products()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var makers = new[] { ThroughTheGateway.NewTaxCode(), ThroughTheGateway.NewTaxCode(), ThroughTheGateway.NewTaxCode() };
        await Gateway.RegisterEstablishmentsAsync(makers.Select(m => (m, "hai-ha")).ToArray());
        // Every recorded day lies in the past: received 80 days ago, results 45 days ago, certificates 5 days ago.
        var today = ThroughTheGateway.Today;
        var reportQuery = $"/api/reports/products?fromYear={today.Year}&toYear={today.Year}&district=Hải Hà";
        var recognisedBefore = (await Gateway.GetFromJsonAsync<JsonElement>(reportQuery)).GetProperty("total").GetProperty("figures").GetProperty("recognised").GetInt32();
        var competition = await Gateway.PostAsync("/api/products/competitions", new
        {
            title = $"Bình chọn sản phẩm CNNT tiêu biểu tỉnh Quảng Ninh ({tag})", level = "Provincial", year = today.Year,
            registrationOpensOn = today.AddDays(-90), registrationClosesOn = today.AddDays(-60),
            // Provincial rounds are usually held in odd years (Art. 14); in an even year the province's decision names it.
            scheduleDecisionNumber = today.Year % 2 == 0 ? "125/QĐ-UBND" : null, scheduleDecisionDate = today.Year % 2 == 0 ? today.AddDays(-100) : (DateOnly?)null,
        }, HttpStatusCode.Created);
        var path = $"/api/products/competitions/{competition.GetProperty("id").GetString()}";
        var jury = await platform.Accounts.JuryAsync(7);
        var council = await Gateway.PutAsync($"{path}/council", new
        {
            members = jury.Select((juror, i) => new { userId = juror.UserId, position = i == 0 ? "Chủ tịch" : "Ủy viên", chair = i == 0 }).ToList(),
        });
        var jurors = council.GetProperty("council").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Zip(jury).ToList();
        await Gateway.PostAsync($"{path}/open");

        var products = new[] { $"Chè Đường Hoa {tag}", $"Trà hoa vàng {tag}", $"Miến dong {tag}" };
        var entries = new List<string>();
        for (var i = 0; i < makers.Length; i++)
        {
            var entry = await Gateway.PostOnceKnownAsync($"{path}/entries", new
            {
                establishmentTaxCode = makers[i], group = "ProcessedFoodAndAgriculture", productName = products[i],
                description = "Sản phẩm chế biến từ nguyên liệu địa phương", receivedOn = today.AddDays(-80),
            });
            var entryPath = $"{path}/entries/{entry.GetProperty("id").GetString()}";
            foreach (var photo in DemoImages.DossierPhotos(i))
            {
                using var form = new MultipartFormDataContent();
                var content = new ByteArrayContent(photo.Content);
                content.Headers.ContentType = new MediaTypeHeaderValue(photo.ContentType);
                form.Add(content, "file", photo.Name);
                form.Add(new StringContent("ProductPhoto"), "kind");
                using var uploaded = await Gateway.PostAsync(entryPath + "/attachments", form);
                Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            }
            await Gateway.PostAsync($"{entryPath}/submit");
            entries.Add(entry.GetProperty("id").GetString()!);
        }
        await Gateway.PostAsync($"{path}/start-scoring");
        for (var i = 0; i < entries.Count; i++)
        {
            // The first two products score 80 from every juror, the third 60: below the 70 points.
            var market = i < 2 ? 32m : 24m;
            // Each juror scores their own seat with their own token.
            foreach (var (seat, juror) in jurors)
            {
                await juror.Client.PostAsync($"{path}/entries/{entries[i]}/scores", new { memberId = seat, market, technical = market, cultural = market / 4, other = market / 4 });
            }
        }
        var results = await Gateway.GetFromJsonAsync<JsonElement>($"{path}/results");
        Assert.Equal([true, true, false], results.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("passes").GetBoolean()));

        await Gateway.PostAsync($"{path}/publish-results", new { publishedOn = today.AddDays(-45), decisionNumber = $"{tag}/QĐ-SCT", recognisedEntryIds = entries.Take(2) });
        var complaint = await Gateway.PostAsync($"{path}/complaints", new
        {
            entryId = entries[2], complainant = "HTX miến dong", content = "Đề nghị chấm lại tiêu chí thị trường", receivedOn = today.AddDays(-40),
        }, HttpStatusCode.Created);
        var answer = await Gateway.PostAsync($"{path}/complaints/{complaint.GetProperty("id").GetString()}/answer", new
        {
            answer = "Hội đồng xem xét lại và giữ nguyên kết quả", answeredOn = today.AddDays(-35),
        });
        var closed = await Gateway.PostAsync($"{path}/close", new { issuedOn = today.AddDays(-5) });

        Assert.Equal(("Answered", false), (answer.GetProperty("status").GetString(), answer.GetProperty("resultChanged").GetBoolean()));
        Assert.Equal("Closed", closed.GetProperty("competition").GetProperty("status").GetString());
        Assert.Equal(products.Take(2).Order(), closed.GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("productName").GetString()).Order());
        Assert.All(closed.GetProperty("certificates").EnumerateArray(), c => Assert.Equal(new DateOnly(today.AddDays(-5).Year + 2, 12, 31), DateOnly.Parse(c.GetProperty("expiresOn").GetString()!)));

        var catalogue = await Gateway.GetFromJsonAsync<JsonElement>($"/api/products/catalogue?q={tag}");
        Assert.Equal(products.Take(2).Order(), catalogue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productName").GetString()).Order());
        var photos = catalogue.GetProperty("items")[0].GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(3, photos.Count);
        using var image = await Gateway.GetAsync(photos[0].GetProperty("url").GetString());
        Assert.Equal(("image/png", HttpStatusCode.OK), (image.Content.Headers.ContentType?.MediaType, image.StatusCode));
        using var thumbnail = await Gateway.GetAsync(photos[0].GetProperty("thumbnailUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);

        // Reporting receives the recognitions.
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
            (await Gateway.GetFromJsonAsync<JsonElement>(reportQuery)).GetProperty("total").GetProperty("figures").GetProperty("recognised").GetInt32() == recognisedBefore + 2),
            "the recognitions never reached the products report");
    }
}
