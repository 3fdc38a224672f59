using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The budget envelope page and the calls for registration page, worked as an officer works them: amounts and dates
/// typed with the keyboard, each decision confirmed, each refusal shown in Vietnamese; and a proposal filed under a call.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PlanningPagesTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>How long a wait for a command's answer lasts: the answer comes back through the page's circuit, slower on a busy machine.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Answered = new() { Timeout = 30_000 };

    private static string Typed(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A plan year far ahead that no other test records an envelope or a call for, so that each run starts from nothing
    /// (TypedDateFormsTests keeps 2060 to 2080 for its planning forms).
    /// </summary>
    private static int FreeYear() => Random.Shared.Next(2081, 2100);

    [Fact]
    public async Task An_officer_records_an_allocation_and_an_addition_and_a_cut_beyond_the_envelope_is_refused_in_Vietnamese()
    {
        var year = FreeYear();
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/budget?year={year}");
        var local = page.GetByTestId("envelope-Local");
        await Expect(local.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"Khuyến công địa phương — {year}");
        await Expect(page.GetByTestId("envelope-Local-allocated")).ToHaveTextAsync("—");

        await RecordAsync(page, "Giao dự toán", "500000000", $"{year % 100}/QĐ-UBND", Today.AddDays(-3), "Dự toán đầu năm");
        await Expect(page.Told()).ToContainTextAsync("Đã ghi quyết định", Answered);
        await Expect(page.GetByTestId("envelope-Local-allocated")).ToHaveTextAsync("500.000.000 ₫");
        await Expect(page.GetByTestId("envelope-Local-remaining")).ToHaveTextAsync("500.000.000 ₫");

        // A cut beyond what was allocated is refused, in Vietnamese, and nothing changes.
        await RecordAsync(page, "Cắt giảm dự toán", "600000000", $"{year % 100}/QĐ-UBND-CG", Today.AddDays(-1), "Điều chỉnh giảm");
        await Expect(page.GetByText("vượt số dự toán được giao").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.AssertRefusedInVietnameseAsync(await web.EnglishAnswerAsync($"/api/proposals/budget-envelopes/{year}/Local/entries", new
        {
            kind = "Cut", amount = 600_000_000, decisionNumber = $"{year % 100}/QĐ-UBND-CG", decisionDate = Today.AddDays(-1).ToString("yyyy-MM-dd"),
        }));
        await Expect(page.GetByTestId("envelope-Local-allocated")).ToHaveTextAsync("500.000.000 ₫");

        await RecordAsync(page, "Bổ sung dự toán", "200000000", $"{year % 100}/QĐ-UBND-BS", Today, "Bổ sung giữa năm");
        await Expect(page.GetByTestId("envelope-Local-allocated")).ToHaveTextAsync("700.000.000 ₫", new() { Timeout = 30_000 });
        var entries = page.GetByTestId("envelope-Local-entries");
        await Expect(entries).ToContainTextAsync($"{year % 100}/QĐ-UBND-BS");
        await Expect(entries).ToContainTextAsync(Typed(Today.AddDays(-3)));

        var envelope = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/budget-envelopes/{year}/Local");
        Assert.Equal(700_000_000, envelope.GetProperty("allocated").GetInt64());
        Assert.Equal([("Allocation", 500_000_000L), ("Addition", 200_000_000L)],
            envelope.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("amount").GetInt64())).ToList());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_officer_opens_a_call_whose_deadline_starts_at_20_May_of_the_year_before_and_closes_it_and_an_empty_call_is_refused_in_Vietnamese()
    {
        var year = FreeYear();
        var title = $"Đợt đăng ký đề án khuyến công địa phương năm {year} ({Guid.NewGuid():N})"[..70];
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/calls");

        await page.FillFieldAsync("Năm kế hoạch", year.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Hạn đăng ký", new() { Exact = true })).ToHaveValueAsync($"20/05/{year - 1}");

        // Without a title and without any content group the call is refused, field by field, in Vietnamese.
        await page.ClickButtonAsync("Mở đợt đăng ký");
        await page.ConfirmAsync("Mở đợt đăng ký");
        await page.AssertRefusedInVietnameseAsync(await web.EnglishAnswerAsync("/api/proposals/calls", new
        {
            planYear = year, fundingSource = "Local", deadline = $"{year - 1}-05-20",
        }));

        await page.FillFieldAsync("Tên đợt", title);
        await page.FillFieldAsync("Mô tả công khai", "Mời các cơ sở CNNT đăng ký đề án máy móc thiết bị và sản phẩm tiêu biểu");
        await page.TypeDateAsync("Hạn đăng ký", $"31/05/{year - 1}");
        await page.GetByLabel("3. Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("4. Sản phẩm CNNT tiêu biểu, hội chợ, thương hiệu", new() { Exact = true }).CheckAsync();
        await page.ClickButtonAsync("Mở đợt đăng ký");
        await page.ConfirmAsync("Mở đợt đăng ký");
        await Expect(page.Told()).ToContainTextAsync($"Đã mở đợt đăng ký «{title}».", Answered);

        var row = page.GetByTestId("call-row").Filter(new() { HasText = title });
        await Expect(row.GetByTestId("call-deadline")).ToHaveTextAsync($"31/05/{year - 1}");
        await Expect(row.GetByTestId("call-state")).ToHaveTextAsync("Đang mở");
        var calls = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/calls?year={year}");
        var call = calls.EnumerateArray().Single(c => c.GetProperty("title").GetString() == title);
        Assert.Equal($"{year - 1}-05-31", call.GetProperty("deadline").GetString());
        Assert.Equal([3, 4], call.GetProperty("contentGroups").EnumerateArray().Select(g => g.GetInt32()).ToList());
        await page.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Đóng đợt {title}", Exact = true }).ClickAsync();
        await page.ConfirmAsync("Đóng đợt");
        await Expect(row.GetByTestId("call-state")).ToHaveTextAsync("Đã đóng", new() { Timeout = 30_000 });
        Assert.False((await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/calls/{call.GetProperty("id").GetString()}")).GetProperty("isOpen").GetBoolean());
    }

    [Fact]
    public async Task A_proposal_drafted_under_an_open_call_shows_the_call_and_is_flagged_late_when_submitted_after_its_deadline()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway);
        await journey.EnsureEstablishmentAsync(taxCode, unit: "x-duong-hoa", registeredOn: "2026-01-05");
        var planYear = Today.Year + 1;
        var title = $"Đợt bổ sung {Guid.NewGuid():N}"[..24];
        var opened = await web.Gateway.PostAsJsonAsync("/api/proposals/calls", new
        {
            planYear, fundingSource = "Local", title, description = "Đợt đăng ký bổ sung", deadline = Today.AddDays(-10).ToString("yyyy-MM-dd"), contentGroups = new[] { 3 },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, opened.StatusCode);

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/proposals/new");
        await page.ChooseAsync("Nguồn kinh phí", "Khuyến công địa phương");
        await page.FillFieldAsync("Tên đề án", "Máy sấy chè " + taxCode);
        await page.ChooseAsync("Nhóm nội dung (Nghị định 45)", "3. Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến");
        await page.ChooseAsync("Hoạt động có định mức riêng", "Máy móc thiết bị tiên tiến");
        await page.ChooseAsync("Đợt đăng ký", $"{title} (hạn {Typed(Today.AddDays(-10))})");
        await page.FillFieldAsync("Đơn vị thực hiện", "Trung tâm XTPTCT");
        await page.FillFieldAsync("Mã số thuế cơ sở thụ hưởng", taxCode);
        await page.ChooseAsync("Địa bàn thực hiện", "Đường Hoa");
        await page.FillFieldAsync("Địa điểm", "Thôn 2");
        await page.FillFieldAsync("Mục tiêu, quy mô", "Nâng công suất sấy");
        await page.FillFieldAsync("Kinh phí khuyến công hỗ trợ", "300000000");
        await page.FillFieldAsync("Vốn đối ứng của cơ sở", "700000000");
        await page.FillFieldAsync("Số lao động dự kiến tạo việc làm", "12");
        await page.FillFieldAsync("Thu nhập bình quân dự kiến (đồng/người/tháng)", "6000000");
        await page.ClickButtonAsync("Lưu bản nháp");

        var status = page.GetByTestId("proposal-status");
        await Expect(status).ToHaveTextAsync("Bản nháp", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("proposal-call")).ToContainTextAsync(title);
        await Expect(page.GetByTestId("proposal-late")).ToHaveCountAsync(0);

        await page.ClickButtonAsync("Nộp đề án");
        await page.ConfirmAsync("Nộp đề án");
        await Expect(status).ToHaveTextAsync("Đã nộp", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("proposal-late")).ToHaveTextAsync("Nộp muộn");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_pilot_proposal_typed_with_its_support_by_year_keeps_the_split_and_the_next_year_s_plan_holds_its_share()
    {
        var year = Random.Shared.Next(2081, 2097);
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "x-duong-hoa", registeredOn: "2026-01-05");

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/proposals/new");
        await page.ChooseAsync("Nguồn kinh phí", "Khuyến công địa phương");
        await page.FillFieldAsync("Năm kế hoạch", year.ToString(CultureInfo.InvariantCulture));
        await page.FillFieldAsync("Tên đề án", "Mô hình điểm sấy chè " + taxCode);
        await page.ChooseAsync("Nhóm nội dung (Nghị định 45)", "3. Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến");
        await page.ChooseAsync("Hoạt động có định mức riêng", "Máy móc thiết bị tiên tiến");
        await page.FillFieldAsync("Đơn vị thực hiện", "Trung tâm XTPTCT");
        await page.FillFieldAsync("Mã số thuế cơ sở thụ hưởng", taxCode);
        await page.ChooseAsync("Địa bàn thực hiện", "Đường Hoa");
        await page.FillFieldAsync("Địa điểm", "Thôn 2");
        await page.FillFieldAsync("Mục tiêu, quy mô", "Mô hình sấy chè ba năm");
        await page.FillFieldAsync("Kinh phí khuyến công hỗ trợ", "300000000");
        await page.FillFieldAsync("Vốn đối ứng của cơ sở", "700000000");
        await page.FillFieldAsync("Số lao động dự kiến tạo việc làm", "12");
        await page.FillFieldAsync("Thu nhập bình quân dự kiến (đồng/người/tháng)", "6000000");
        await page.FillFieldAsync("Đề án điểm: từ năm", year.ToString(CultureInfo.InvariantCulture));
        await page.FillFieldAsync("Đề án điểm: đến năm", (year + 2).ToString(CultureInfo.InvariantCulture));
        await page.FillFieldAsync($"Năm {year}", "150000000");
        await page.FillFieldAsync($"Năm {year + 1}", "100000000");
        await page.FillFieldAsync($"Năm {year + 2}", "10000000");
        await page.ClickButtonAsync("Lưu bản nháp");

        // 260 of the 300 million: refused in Vietnamese, and what was typed stays.
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "cộng lại bằng kinh phí khuyến công hỗ trợ" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByLabel($"Năm {year}", new() { Exact = true })).ToHaveValueAsync(new Regex("^150[.]?000[.]?000$"));
        await page.FillFieldAsync($"Năm {year + 2}", "50000000");
        await page.ClickButtonAsync("Lưu bản nháp");

        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Bản nháp", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("pilot-shares")).ToHaveTextAsync($"{year}: 150.000.000 ₫; {year + 1}: 100.000.000 ₫; {year + 2}: 50.000.000 ₫");

        // Another pilot of the year, appraised: the next year's plan holds its share of that year, marked as a pilot's.
        var draft = ProposalJourney.DraftBody(taxCode, year, unit: "x-duong-hoa");
        (draft["pilotStartYear"], draft["pilotEndYear"], draft["pilotShares"]) = (year, year + 2, new[] { 100_000_000L, 120_000_000L, 80_000_000L });
        var id = await journey.AppraisedAsync(draft);
        var code = (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("code").GetString()!;
        await page.OpenAsync($"/plans?year={year + 1}&source=Local");
        await page.ClickButtonAsync("Lập kế hoạch");
        await page.ConfirmAsync("Lập kế hoạch");
        var item = page.GetByTestId("plan-version-1").GetByTestId("plan-item").Filter(new() { HasText = code });
        await Expect(item).ToContainTextAsync($"(đề án điểm {year}–{year + 2}: phần của năm)", Answered);
        await Expect(item).ToContainTextAsync("120.000.000 ₫");
    }

    [Fact]
    public async Task An_officer_compiles_the_plan_approves_it_by_decision_and_compiles_a_revision_and_a_decision_dated_ahead_is_refused_in_Vietnamese()
    {
        var year = FreeYear();
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, year, unit: "dk-van-don"));
        var code = (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("code").GetString()!;
        var decision = $"{year % 100}/QĐ-UBND-KH";

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/plans?year={year}&source=Local");
        await Expect(page.GetByTestId("plan-none")).ToBeVisibleAsync();
        await page.ClickButtonAsync("Lập kế hoạch");
        await page.ConfirmAsync("Lập kế hoạch");
        await Expect(page.Told()).ToContainTextAsync("Đã lập phiên bản 1", Answered);
        var first = page.GetByTestId("plan-version-1");
        await Expect(first.GetByTestId("plan-item")).ToContainTextAsync(code);
        await Expect(page.GetByTestId("plan-version-1-total")).ToHaveTextAsync("300.000.000 ₫");

        // A decision dated after today is refused, in Vietnamese; the version stays a draft.
        await page.FillFieldAsync("Số quyết định phê duyệt kế hoạch", decision);
        await page.TypeDateAsync("Ngày quyết định phê duyệt kế hoạch", "01/01/2099");
        await page.ClickButtonAsync("Phê duyệt kế hoạch");
        await page.ConfirmAsync("Phê duyệt kế hoạch");
        await Expect(page.GetByText("sau ngày hôm nay").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.AssertRefusedInVietnameseAsync(await web.EnglishAnswerAsync($"/api/proposals/plans/{year}/Local/versions/1/approve",
            new { decisionNumber = decision, decisionDate = "2099-01-01" }));
        await Expect(page.GetByTestId("plan-version-1-state")).ToContainTextAsync("chờ phê duyệt");

        await page.TypeDateAsync("Ngày quyết định phê duyệt kế hoạch", Typed(Today));
        await page.ClickButtonAsync("Phê duyệt kế hoạch");
        await page.ConfirmAsync("Phê duyệt kế hoạch");
        await Expect(page.GetByTestId("plan-current")).ToContainTextAsync(decision, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("plan-version-1-state")).ToContainTextAsync($"Đã phê duyệt theo quyết định số {decision} ngày {Typed(Today)}");

        await page.FillFieldAsync("Lý do điều chỉnh", "Bổ sung đề án theo đợt đăng ký bổ sung");
        await page.ClickButtonAsync("Lập bản điều chỉnh");
        await page.ConfirmAsync("Lập bản điều chỉnh");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phiên bản 2 (điều chỉnh)" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("plan-version-2-state")).ToContainTextAsync("chờ phê duyệt");
        await Expect(page.GetByTestId("plan-current")).ToContainTextAsync("phiên bản 1");

        var plan = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/plans/{year}/Local");
        Assert.Equal((1, 2), (plan.GetProperty("currentVersion").GetInt32(), plan.GetProperty("draftVersion").GetInt32()));
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), plan.GetProperty("versions")[0].GetProperty("decisionDate").GetString());
        await page.AssertAccessibleAsync();
    }

    /// <summary>Fills the decision form of the budget page as an officer types it, and confirms.</summary>
    private static async Task RecordAsync(IPage page, string kind, string amount, string number, DateOnly date, string note)
    {
        await page.ChooseAsync("Loại quyết định", kind);
        await page.ChooseAsync("Nguồn kinh phí", "Khuyến công địa phương");
        await page.FillFieldAsync("Số tiền của quyết định", amount);
        await page.FillFieldAsync("Số quyết định", number);
        await page.TypeDateAsync("Ngày quyết định", Typed(date));
        await page.FillFieldAsync("Lý do, ghi chú", note);
        await page.ClickButtonAsync("Ghi quyết định");
        await Expect(page.Confirmation()).ToContainTextAsync(number);
        await page.ConfirmAsync("Ghi quyết định");
    }
}
