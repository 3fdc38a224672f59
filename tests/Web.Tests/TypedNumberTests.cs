using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>Text that is no number is never sent as empty or 0: the command waits and names the field.</summary>
[Collection(WebCollection.Name)]
public sealed class TypedNumberTests(WebFixture web)
{
    [Theory]
    [InlineData("Kinh phí", "12a", "50000000", "budget", 50_000_000)]
    [InlineData("Số chỗ", "1.2.3", "30", "seats.capacity", 30)]
    public async Task A_typed_text_that_is_no_number_holds_the_command_naming_the_field_and_nothing_is_created(
        string label, string typed, string putRight, string property, long expected)
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/training/courses/new");
        var title = $"Sơn mài {Guid.NewGuid():N}"[..20];
        await page.ChooseAsync("Loại khóa học", "Truyền nghề");
        await page.FillFieldAsync("Tên khóa học", title);
        await page.FillFieldAsync("Nghề", "Sơn mài");
        await page.ChooseAsync("Địa bàn tổ chức", "Đường Hoa");
        await page.FillFieldAsync("Địa điểm", "Nhà văn hóa thôn 2");
        await page.FillFieldAsync("Huyện, thị xã, thành phố", "Hải Hà");
        await page.FillFieldAsync("Năm kế hoạch", "2027");
        await page.FillFieldAsync("Số chỗ", "30");
        await page.FillFieldAsync("Kinh phí", "50000000");

        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync("");
        await Expect(field).ToHaveValueAsync("");
        await field.PressSequentiallyAsync(typed);
        await Expect(field).ToHaveValueAsync(typed);
        await page.ClickButtonAsync("Lưu kế hoạch");

        await Expect(page.GetByText($"Chưa gửi: sửa ô nhập chưa đúng dạng: {label}.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Không phải là số: chỉ nhập chữ số, ví dụ 1.250.000.")).ToBeVisibleAsync();
        await Expect(field).ToHaveValueAsync(typed);
        Assert.EndsWith("/training/courses/new", page.Url);
        var listed = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses?q={Uri.EscapeDataString(title)}");
        Assert.Equal(0, listed.GetProperty("total").GetInt32());

        // Put right, the message goes and the course gets the number typed.
        await field.FillAsync("");
        await field.PressSequentiallyAsync(putRight);
        await Expect(page.GetByText("Không phải là số: chỉ nhập chữ số, ví dụ 1.250.000.")).ToBeHiddenAsync();
        await page.ClickButtonAsync("Lưu kế hoạch");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/training/courses/[0-9a-f-]{36}$"), new() { Timeout = 30_000 });
        var course = (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses/{page.Url[(page.Url.LastIndexOf('/') + 1)..]}"))
            .GetProperty("course");
        Assert.Equal(expected, property.Split('.').Aggregate(course, (e, name) => e.GetProperty(name)).GetInt64());
    }
}
