using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The units' consolidation page, worked as a district officer works it: the unit's filed proposals of a call taken
/// in, sent to the Centre (refused in Vietnamese while a proposal has no opinion), the opinion given, the dispatch
/// number and date typed as a person types them, sent; and the Centre sees the unit's consolidation sent.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ConsolidationsPageTests(WebFixture web)
{
    private const string Unit = "dk-van-don";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Typed(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_district_officer_consolidates_the_units_proposals_and_sends_them_by_dispatch_and_the_Centre_sees_it_sent()
    {
        const int year = 2064;
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway);
        await journey.EnsureEstablishmentAsync(taxCode, unit: Unit, registeredOn: "2026-01-05");
        var call = await web.Gateway.PostAsJsonAsync("/api/proposals/calls", new
        {
            planYear = year, fundingSource = "Local", title = $"Đăng ký đề án khuyến công địa phương năm {year} ({taxCode})", contentGroups = new[] { 3 },
        });
        var callId = (await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var draft = ProposalJourney.DraftBody(taxCode, year, unit: Unit);
        draft["callId"] = callId;
        var id = (await journey.CreateAsync(draft)).GetProperty("id").GetString()!;
        await journey.SubmitAsync(id);
        var proposal = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        var code = proposal.GetProperty("code").GetString()!;
        var title = proposal.GetProperty("title").GetString()!;
        var dispatch = $"{taxCode[^4..]}/UBND-KT";
        var officer = new WebUser("kinh-te-van-don", "Phạm Văn Đông", "Kc-Van-Don-2026-k", ["DistrictOfficer"], UnitCode: Unit, District: "Vân Đồn");

        var page = await web.SignedInPageAsync(officer);
        await page.OpenAsync($"/consolidations?call={callId}");
        await Expect(page.GetByTestId("consolidation-none")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ClickButtonAsync("Lập bản tổng hợp");
        await Expect(page.Told()).ToContainTextAsync("gồm 1 đề án", new() { Timeout = 30_000 });
        var row = page.GetByTestId("consolidation-item").Filter(new() { HasText = code });
        await Expect(row.GetByTestId("consolidation-opinion")).ToHaveTextAsync("Chưa có ý kiến");

        // Sent before the unit gave its opinion: refused in Vietnamese, naming the proposal; still being prepared.
        await page.FillFieldAsync("Số công văn", dispatch);
        await page.TypeDateAsync("Ngày công văn", Typed(Today));
        await page.ClickButtonAsync("Gửi Trung tâm");
        await Expect(page.Confirmation()).ToContainTextAsync(dispatch);
        await page.ConfirmAsync("Gửi Trung tâm");
        await Expect(page.GetByText("phải có ý kiến của đơn vị").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.AssertRefusedInVietnameseAsync(await web.EnglishAnswerAsync($"/api/proposals/calls/{callId}/consolidations/{Unit}/send",
            new { dispatchNumber = dispatch, dispatchDate = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        await Expect(page.GetByTestId("consolidation-state")).ToContainTextAsync("Địa phương đang tổng hợp");

        await page.ChooseAsync("Đề án", $"{code} — {title}");
        await page.ChooseAsync("Ý kiến", "Đề nghị hỗ trợ");
        await page.FillFieldAsync("Ghi chú của địa phương", "Cơ sở có thị trường tiêu thụ ổn định");
        await page.ClickButtonAsync("Ghi ý kiến");
        await Expect(row.GetByTestId("consolidation-opinion")).ToHaveTextAsync("Đề nghị hỗ trợ", new() { Timeout = 30_000 });
        await Expect(row.GetByTestId("consolidation-priority")).ToHaveTextAsync("1");

        await page.FillFieldAsync("Số công văn", dispatch);
        await page.TypeDateAsync("Ngày công văn", Typed(Today));
        await page.ClickButtonAsync("Gửi Trung tâm");
        await page.ConfirmAsync("Gửi Trung tâm");
        await Expect(page.GetByTestId("consolidation-state")).ToContainTextAsync($"Đã gửi Trung tâm — công văn số {dispatch} ngày {Typed(Today)}",
            new() { Timeout = 30_000 });
        await Expect(page.Told()).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.AssertAccessibleAsync();

        var sent = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/calls/{callId}/consolidations/{Unit}");
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sent.GetProperty("dispatchDate").GetString());

        // The Centre sees the unit's consolidation sent, with its dispatch.
        var centre = await web.SignedInPageAsync(WebUsers.Officer);
        await centre.OpenAsync($"/consolidations?call={callId}");
        var unit = centre.GetByTestId("unit-row").Filter(new() { HasText = dispatch });
        await Expect(unit.GetByTestId("unit-status")).ToContainTextAsync($"Đã gửi Trung tâm — công văn số {dispatch} ngày {Typed(Today)}",
            new() { Timeout = 30_000 });
    }
}
