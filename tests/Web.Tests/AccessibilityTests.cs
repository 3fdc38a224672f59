using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>Every page of the UI, opened on a laptop screen, saved as a screenshot and scanned with axe.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebFixture web)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "dashboard", "/" },
        { "establishments", "/establishments" },
        { "establishment-new", "/establishments/new" },
        { "proposals", "/proposals" },
        { "proposal-new", "/proposals/new" },
        { "follow-ups", "/proposals/follow-ups?status=Overdue" },
        { "training", "/training" },
        { "course-new", "/training/courses/new" },
        { "fairs", "/fairs" },
        { "fair-new", "/fairs/new" },
        { "products", "/products" },
        { "competition-new", "/products/competitions/new" },
        { "certificates", "/products/certificates" },
        { "catalogue", "/catalogue" },
        { "not-found", "/no-such-page" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_serious_accessibility_violations(string name, string path)
    {
        var page = await web.NewPageAsync();
        await page.OpenAsync(path);
        await page.ScreenshotAsync($"page-{name}");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_detail_pages_have_no_serious_accessibility_violations()
    {
        var api = new PlatformApi(web.Gateway);
        var course = await api.PlanCourseAsync("Đào tạo nghề chế biến chè");
        var fair = await api.CreateFairAsync("Hội chợ sản phẩm CNNT tiêu biểu Quảng Ninh");
        var taxCode = await api.RegisterEstablishmentAsync("Cơ sở Miến dong Bình Liêu");
        var competition = await api.RecogniseProductAsync(taxCode, "Miến dong " + taxCode);

        foreach (var (name, path) in new[]
        {
            ("course", $"/training/courses/{course}"), ("fair", $"/fairs/{fair}"), ("competition", $"/products/competitions/{competition}"),
        })
        {
            var page = await web.NewPageAsync();
            await page.OpenAsync(path);
            await page.ScreenshotAsync($"page-{name}");
            await page.AssertAccessibleAsync();
        }
    }
}
