using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>A date typed as dd/MM/yyyy, the way a person writes it, is the date the record gets.</summary>
[Collection(WebCollection.Name)]
public sealed class TypedDatesTests(WebFixture web)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Dates_typed_into_the_course_plan_are_the_dates_the_course_gets(bool leaveTheFieldFirst)
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/training/courses/new");
        var title = $"Đan lát {Guid.NewGuid():N}"[..20];
        await page.ChooseAsync("Loại khóa học", "Truyền nghề");
        await page.FillFieldAsync("Tên khóa học", title);
        await page.FillFieldAsync("Nghề", "Đan lát");
        await page.ChooseAsync("Địa bàn tổ chức", "Đường Hoa");
        await page.FillFieldAsync("Địa điểm", "Nhà văn hóa thôn 2");
        await page.FillFieldAsync("Huyện, thị xã, thành phố", "Hải Hà");
        await page.FillFieldAsync("Năm kế hoạch", "2027");
        await page.FillFieldAsync("Số chỗ", "30");
        await page.FillFieldAsync("Kinh phí", "50000000");
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
    public async Task A_typed_text_that_is_no_date_is_said_under_the_field_and_sends_no_date()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/training/courses/new");
        await TypeAsync(page, "Ngày khai giảng", "31/02/2027", leave: true);
        await Expect(page.GetByText("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 25/03/2026.")).ToBeVisibleAsync();

        // Corrected, the message goes and the date is taken.
        var field = page.GetByLabel("Ngày khai giảng", new() { Exact = true });
        await field.FillAsync("");
        await field.PressSequentiallyAsync("28/02/2027");
        await Expect(page.GetByText("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 25/03/2026.")).ToBeHiddenAsync();
    }
}
