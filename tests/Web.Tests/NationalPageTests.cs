using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The national proposals page, worked as an officer works it: the year's list started, a dossier checked, the list
/// sent to the Ministry by a dispatch (refused in Vietnamese while a dossier is unchecked), the Ministry's decision
/// typed in; and the approval that follows held to the Ministry's amount.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class NationalPageTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Typed(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A plan year no other browser test files national proposals for (PlanningPagesTests and TypedDateFormsTests keep 2060–2100).</summary>
    private static int FreeYear() => Random.Shared.Next(2040, 2060);

    [Fact]
    public async Task An_officer_sends_the_years_national_list_to_the_Ministry_and_records_its_decision_and_an_unchecked_dossier_is_refused_in_Vietnamese()
    {
        var year = FreeYear();
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, year, stateSupport: 400_000_000, unit: "dk-van-don", fundingSource: "National"));
        var proposal = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        var code = proposal.GetProperty("code").GetString()!;
        var title = proposal.GetProperty("title").GetString()!;
        var dispatch = $"{year % 100}/SCT-QLCN";

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/national?year={year}");
        await Expect(page.GetByTestId("national-none")).ToBeVisibleAsync();
        await page.ClickButtonAsync("Lập danh mục");
        await Expect(page.Told()).ToContainTextAsync($"Đã lập danh mục đề án khuyến công quốc gia năm {year}", new() { Timeout = 30_000 });
        var row = page.GetByTestId("national-item").Filter(new() { HasText = code });
        await Expect(row.GetByTestId("national-dossier")).ToHaveTextAsync("Chưa kiểm tra");
        await Expect(row).ToContainTextAsync("400.000.000 ₫");

        // Sent with a dossier nobody checked: refused, in Vietnamese, naming the proposal; the list stays in preparation.
        await page.FillFieldAsync("Số công văn", dispatch);
        await page.TypeDateAsync("Ngày gửi", Typed(Today));
        await page.ClickButtonAsync("Gửi Bộ Công Thương");
        await Expect(page.Confirmation()).ToContainTextAsync(dispatch);
        await page.ConfirmAsync("Gửi Bộ Công Thương");
        await Expect(page.GetByText("mọi hồ sơ đã được kiểm tra").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.AssertRefusedInVietnameseAsync(await web.EnglishAnswerAsync($"/api/proposals/national-submissions/{year}/submit",
            new { dispatchNumber = dispatch, sentOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        await Expect(page.GetByTestId("national-state")).ToContainTextAsync("Đang lập");

        await page.ChooseAsync("Đề án", $"{code} — {title}");
        await page.ClickButtonAsync("Ghi kết quả kiểm tra");
        await Expect(page.Told().Filter(new() { HasText = $"Đã ghi kết quả kiểm tra hồ sơ đề án {code}" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row.GetByTestId("national-dossier")).ToHaveTextAsync("Đủ");

        await page.ClickButtonAsync("Gửi Bộ Công Thương");
        await page.ConfirmAsync("Gửi Bộ Công Thương");
        await Expect(page.GetByTestId("national-state")).ToContainTextAsync($"Đã gửi Bộ Công Thương — công văn số {dispatch} ngày {Typed(Today)}",
            new() { Timeout = 30_000 });

        // The Ministry approves less than asked, typed as an officer types it.
        await page.ChooseAsync("Đề án", $"{code} — {title}");
        await page.FillFieldAsync("Kinh phí Bộ phê duyệt", "250000000");
        await page.FillFieldAsync("Số quyết định của Bộ", "1234/QĐ-BCT");
        await page.TypeDateAsync("Ngày quyết định của Bộ", Typed(Today));
        await page.ClickButtonAsync("Ghi quyết định");
        await Expect(page.Confirmation()).ToContainTextAsync(code);
        await page.ConfirmAsync("Ghi quyết định");
        await Expect(row.GetByTestId("national-outcome")).ToContainTextAsync("Bộ phê duyệt (quyết định số 1234/QĐ-BCT", new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync("250.000.000 ₫");
        await Expect(page.Told()).ToContainTextAsync($"Đã ghi quyết định của Bộ cho đề án {code}");
        // Scanned once the message has gone: while it fades in or out, axe measures its text at part opacity.
        await Expect(page.Told()).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.AssertAccessibleAsync();

        var list = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/national-submissions/{year}");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("proposalId").GetString() == id);
        Assert.Equal(250_000_000, item.GetProperty("approvedSupport").GetInt64());
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), item.GetProperty("decisionDate").GetString());

        // The province's approval cannot give more than the Ministry approved.
        var beyond = await journey.PostRawAsync(id, "approve", new { approvedSupport = 300_000_000, decisionNumber = "9/QĐ-SCT", decisionDate = Today });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.StatusCode);
        Assert.Contains("beyond-ministry-approval", await beyond.Content.ReadAsStringAsync());
    }
}
