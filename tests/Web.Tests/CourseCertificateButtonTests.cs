using System.Text.RegularExpressions;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// "In giấy chứng nhận" on a course's trainee row: a trainee who holds a certificate has the button, which opens in a new
/// tab the certificate stored when it was issued, a PDF with her name and number.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CourseCertificateButtonTests(WebFixture web)
{
    [Fact]
    public async Task A_certified_trainee_s_row_prints_her_certificate_in_a_new_tab()
    {
        string[] names = ["Ngọc Diệp", "Thu Hà", "Minh Châu", "Lan Anh", "Bích Ngọc", "Thanh Hương", "Phương Thảo", "Mai Hoa"];
        var trainee = $"Hoàng Thị {names[Random.Shared.Next(names.Length)]} {names[Random.Shared.Next(names.Length)]}";
        var (course, _) = await new PlatformApi(web.Gateway, web.Accounts).CertifiedCourseAsync("Đào tạo nghề chế biến chè", trainee);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/training/courses/{course}");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = trainee });
        var button = row.GetByRole(AriaRole.Link, new() { Name = $"In giấy chứng nhận của {trainee}" });
        await Expect(button).ToHaveTextAsync("In giấy chứng nhận");
        await Expect(button).ToHaveAttributeAsync("target", "_blank");
        var href = await button.GetAttributeAsync("href");
        var tab = await page.Context.RunAndWaitForPageAsync(() => button.ClickAsync());

        Assert.EndsWith(href!, tab.Url);
        var shown = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, shown.Status);
        Assert.StartsWith("application/pdf", shown.Headers["content-type"]);
        Assert.StartsWith("inline", shown.Headers["content-disposition"]);
        var text = Regex.Replace(await PdfText.ExtractAsync(await shown.BodyAsync()), @"\s+", " ");
        Assert.Contains(trainee, text);
        Assert.Contains("GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC", text);
        await page.AssertAccessibleAsync();
    }
}
