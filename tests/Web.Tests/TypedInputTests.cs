using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>What a person types is what the record gets: dates as dd/MM/yyyy, numbers as typed, never clamped.</summary>
[Collection(WebCollection.Name)]
public sealed class TypedInputTests(WebFixture web)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Dates_typed_into_the_course_plan_are_the_dates_the_course_gets(bool leaveTheFieldFirst)
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/training/courses/new");
        var title = $"Đan lát {Guid.NewGuid():N}"[..20];
        await FillCoursePlanAsync(page, title, "Đan lát", seats: "30");
        // Typed with the keyboard, not picked from the calendar; the second case clicks save straight after typing.
        await TypeAsync(page, "Ngày khai giảng", "15/09/2027", leaveTheFieldFirst);
        await TypeAsync(page, "Ngày kết thúc", "02/10/2027", leaveTheFieldFirst);
        await page.ClickButtonAsync("Lưu kế hoạch");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/training/courses/[0-9a-f-]{36}$"));
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var course = (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses/{id}")).GetProperty("course");
        Assert.Equal(title, course.GetProperty("title").GetString());
        Assert.Equal(("2027-09-15", "2027-10-02"), (course.GetProperty("startDate").GetString(), course.GetProperty("endDate").GetString()));
    }

    /// <summary>Fills the course plan's fields other than its dates, as an officer types them.</summary>
    internal static async Task FillCoursePlanAsync(IPage page, string title, string trade, string seats)
    {
        await page.ChooseAsync("Loại khóa học", "Truyền nghề");
        await page.FillFieldAsync("Tên khóa học", title);
        await page.FillFieldAsync("Nghề", trade);
        await page.ChooseAsync("Địa bàn tổ chức", "Đường Hoa");
        await page.FillFieldAsync("Địa điểm", "Nhà văn hóa thôn 2");
        await page.FillFieldAsync("Huyện, thị xã, thành phố", "Hải Hà");
        await page.FillFieldAsync("Năm kế hoạch", "2027");
        await page.FillFieldAsync("Số chỗ", seats);
        await page.FillFieldAsync("Kinh phí", "50000000");
    }

    private static async Task TypeAsync(IPage page, string label, string date, bool leave)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.ClickAsync();
        await field.PressSequentiallyAsync(date);
        if (leave)
        {
            await field.PressAsync("Tab");
        }
        await Expect(field).ToHaveValueAsync(date);
    }

    [Fact]
    public async Task A_typed_text_that_is_no_date_is_said_under_the_field_and_holds_the_command_until_it_is_put_right()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/training/courses/new");
        var title = $"Gốm {Guid.NewGuid():N}"[..16];
        await FillCoursePlanAsync(page, title, "Gốm", seats: "30");
        await TypeAsync(page, "Ngày khai giảng", "31/02/2027", leave: true);
        await Expect(page.GetByText("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 25/03/2026.")).ToBeVisibleAsync();

        // Saving now would send the course without the date the person typed: the command waits and names the field.
        await page.ClickButtonAsync("Lưu kế hoạch");
        await Expect(page.GetByText("Chưa gửi: sửa ô nhập chưa đúng dạng: Ngày khai giảng.")).ToBeVisibleAsync();
        Assert.EndsWith("/training/courses/new", page.Url);
        var listed = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses?q={Uri.EscapeDataString(title)}");
        Assert.Equal(0, listed.GetProperty("total").GetInt32());

        // Put right, the message goes and the course gets the date.
        var field = page.GetByLabel("Ngày khai giảng", new() { Exact = true });
        await field.FillAsync("");
        await field.PressSequentiallyAsync("28/02/2027");
        await Expect(page.GetByText("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 25/03/2026.")).ToBeHiddenAsync();
        await page.ClickButtonAsync("Lưu kế hoạch");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/training/courses/[0-9a-f-]{36}$"));
        var course = (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses/{page.Url[(page.Url.LastIndexOf('/') + 1)..]}"))
            .GetProperty("course");
        Assert.Equal((title, "2027-02-28"), (course.GetProperty("title").GetString(), course.GetProperty("startDate").GetString()));
    }

    [Fact]
    public async Task A_number_out_of_range_is_refused_beside_its_field_not_clamped()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/training/courses/new");
        var title = $"Mây tre {Guid.NewGuid():N}"[..20];
        await FillCoursePlanAsync(page, title, "Mây tre đan", seats: "0");
        await page.ClickButtonAsync("Lưu kế hoạch");

        // The service's refusal stands under the field, in Vietnamese and without the API's field name; the 0 stays.
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^Phải từ 1 đến \\d+ chỗ\\.$"))).ToBeVisibleAsync();
        await Expect(page.GetByText("'capacity'")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Số chỗ", new() { Exact = true })).ToHaveValueAsync("0");
        Assert.EndsWith("/training/courses/new", page.Url);
        var listed = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses?q={Uri.EscapeDataString(title)}");
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_course_planned_without_dates_gets_them_by_editing_its_plan_and_then_opens()
    {
        var title = $"Chè {Guid.NewGuid():N}"[..16];
        var created = await web.Gateway.PostAsJsonAsync("/api/training/courses", new
        {
            type = "CraftTeaching", title, trade = "Chế biến chè", administrativeUnitCode = "x-duong-hoa", location = "Nhà văn hóa thôn 2",
            district = "Hải Hà", planYear = 2027, capacity = 20, budget = 40_000_000, instructors = new[] { "Nguyễn Thị Hoa" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("course").GetProperty("id").GetGuid();

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/training/courses/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa kế hoạch", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Tên khóa học", new() { Exact = true })).ToHaveValueAsync(title);
        await TypeAsync(page, "Ngày khai giảng", "05/04/2027", leave: true);
        await TypeAsync(page, "Ngày kết thúc", "30/04/2027", leave: true);
        await page.ClickButtonAsync("Lưu kế hoạch");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/training/courses/{id}$"));
        await Expect(page.GetByText("05/04/2027 – 30/04/2027")).ToBeVisibleAsync();
        await page.ClickButtonAsync("Mở tuyển sinh");
        await Expect(page.GetByText("Đang tuyển sinh")).ToBeVisibleAsync();
        var course = (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses/{id}")).GetProperty("course");
        Assert.Equal(("2027-04-05", "2027-04-30", title, 20, "OpenForEnrolment"), (course.GetProperty("startDate").GetString(),
            course.GetProperty("endDate").GetString(), course.GetProperty("title").GetString(),
            course.GetProperty("seats").GetProperty("capacity").GetInt32(), course.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_acceptance_date_typed_is_the_date_recorded_and_the_follow_up_schedule_counts_from_it(bool leaveTheFieldFirst)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new KhuyenCong.TestSupport.ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(KhuyenCong.TestSupport.ProposalJourney.DraftBody(taxCode, today.Year, unit: "dk-van-don"));
        await journey.ApproveAsync(id, 300_000_000, today.AddDays(-40).ToString("yyyy-MM-dd"));
        await journey.PostAsync(id, "implementation", new { contractNumber = $"HĐ-NT/{today.Year}", signedOn = today.AddDays(-30).ToString("yyyy-MM-dd") });

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");
        var acceptance = page.Section("Nghiệm thu");
        await acceptance.FillFieldAsync("Số lao động có việc làm", "15");
        // Not today, which the field would otherwise send: typed with the keyboard, as on the paper minutes.
        var acceptedOn = today.AddDays(-10);
        var field = acceptance.GetByLabel("Ngày nghiệm thu", new() { Exact = true });
        await field.ClickAsync();
        await field.PressAsync("Control+A");
        await field.PressSequentiallyAsync(acceptedOn.ToString("dd/MM/yyyy"));
        if (leaveTheFieldFirst)
        {
            await field.PressAsync("Tab");
        }
        await acceptance.ClickButtonAsync("Nghiệm thu đề án");
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đã nghiệm thu");

        var proposal = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal(acceptedOn.ToString("yyyy-MM-dd"), proposal.GetProperty("acceptance").GetProperty("acceptedOn").GetString());
        var schedule = proposal.GetProperty("followUps").EnumerateArray()
            .Select(f => (Months: f.GetProperty("monthsAfterAcceptance").GetInt32(), DueOn: f.GetProperty("dueOn").GetString()))
            .ToList();
        Assert.NotEmpty(schedule);
        Assert.All(schedule, f => Assert.Equal(acceptedOn.AddMonths(f.Months).ToString("yyyy-MM-dd"), f.DueOn));
        // The page's schedule reads the same day.
        await Expect(page.GetByText(acceptedOn.AddMonths(schedule[0].Months).ToString("dd/MM/yyyy")).First).ToBeVisibleAsync();
    }
}
