using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>Every page of the UI, opened on a laptop screen by a user who may see it, saved as a screenshot and scanned with axe.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebFixture web)
{
    private const string Anonymous = "anonymous";
    private const string Officer = "officer";
    private const string Admin = "admin";
    private const string Establishment = "establishment";

    public static TheoryData<string, string, string> Pages => new()
    {
        { "dashboard", "/", Officer },
        { "establishments", "/establishments", Officer },
        { "establishment-new", "/establishments/new", Officer },
        { "proposals", "/proposals", Officer },
        { "proposal-new", "/proposals/new", Officer },
        { "follow-ups", "/proposals/follow-ups?status=Overdue", Officer },
        { "tasks", "/tasks", Officer },
        { "training", "/training", Officer },
        { "course-new", "/training/courses/new", Officer },
        { "fairs", "/fairs", Officer },
        { "fair-new", "/fairs/new", Officer },
        { "products", "/products", Officer },
        { "competition-new", "/products/competitions/new", Officer },
        { "certificates", "/products/certificates", Officer },
        { "holder-reports", "/products/certificates/reports", Officer },
        { "reports", "/reports", Officer },
        { "budget", "/budget", Officer },
        { "calls", "/calls", Officer },
        { "plans", "/plans", Officer },
        { "national", "/national", Officer },
        { "consolidations", "/consolidations", Officer },
        { "search", "/search?q=H%E1%BA%A1%20Long", Officer },
        { "users", "/users", Admin },
        { "home-establishment", "/", Establishment },
        { "access-denied", "/users", Officer },
        { "catalogue", "/catalogue", Anonymous },
        { "not-found", "/no-such-page", Anonymous },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_serious_accessibility_violations(string name, string path, string who)
    {
        var page = who switch
        {
            Officer => await web.SignedInPageAsync(WebUsers.Officer),
            Admin => await web.SignedInPageAsync(web.Admin),
            Establishment => await web.SignedInPageAsync(WebUsers.Establishment("5700000001")),
            _ => await web.NewPageAsync(),
        };
        await page.OpenAsync(path);
        await page.ScreenshotAsync($"page-{name}");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_detail_pages_have_no_serious_accessibility_violations()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var course = await api.PlanCourseAsync("Đào tạo nghề chế biến chè");
        var fair = await api.CreateFairAsync("Hội chợ sản phẩm CNNT tiêu biểu Quảng Ninh");
        var taxCode = await api.RegisterEstablishmentAsync("Cơ sở Miến dong Bình Liêu");
        var competition = await api.RecogniseProductAsync(taxCode, "Miến dong " + taxCode);

        foreach (var (name, path) in new[]
        {
            ("course", $"/training/courses/{course}"), ("fair", $"/fairs/{fair}"), ("competition", $"/products/competitions/{competition}"),
        })
        {
            var page = await web.SignedInPageAsync(WebUsers.Officer);
            await page.OpenAsync(path);
            await page.ScreenshotAsync($"page-{name}");
            await page.AssertAccessibleAsync();
        }
    }
}
