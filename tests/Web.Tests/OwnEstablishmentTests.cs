using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// An establishment's own account never types or picks an establishment: on a proposal draft, a fair registration
/// and a competition entry the field shows its own tax code and name, cannot be changed, and what it sends is its own.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OwnEstablishmentTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private PlatformApi Platform => new(web.Gateway, web.Accounts);

    [Fact]
    public async Task An_establishment_finds_its_own_establishment_fixed_on_a_proposal_a_fair_registration_and_a_competition_entry()
    {
        var name = $"HTX chè {Guid.NewGuid():N}"[..18];
        var taxCode = await Platform.RegisterEstablishmentAsync(name);
        var fair = await Platform.PublishFairAsync($"Hội chợ {Guid.NewGuid():N}"[..20]);
        // Registering for another fair first waits until the Fairs service has learnt of the new establishment.
        await Platform.RegisterForFairAsync(await Platform.PublishFairAsync($"Hội chợ {Guid.NewGuid():N}"[..20]), taxCode, booths: 1);
        var competition = await OpenCompetitionAsync(taxCode);
        var page = await web.SignedInPageAsync(WebUsers.Establishment(taxCode));

        await page.OpenAsync("/proposals/new");
        await ExpectOwnAsync(page.GetByLabel("Mã số thuế cơ sở thụ hưởng", new() { Exact = true }), taxCode, name, page);
        await Expect(page.GetByLabel("Thêm cơ sở thụ hưởng", new() { Exact = true })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.OpenAsync($"/fairs/{fair}");
        await ExpectOwnAsync(page.GetByLabel("Mã số thuế cơ sở", new() { Exact = true }), taxCode, name, page);
        await page.FillFieldAsync("Sản phẩm trưng bày (cách nhau bằng dấu phẩy)", "Chè búp khô");
        await page.FillFieldAsync("Số gian hàng đăng ký", "1");
        await page.FillFieldAsync("Người liên hệ", "Nguyễn Văn An");
        await page.FillFieldAsync("Điện thoại liên hệ", "0912 345 678");
        await page.ClickButtonAsync("Đăng ký");
        await Expect(page.Told()).ToContainTextAsync($"Đã đăng ký {name} tham gia hội chợ");

        await page.OpenAsync($"/products/competitions/{competition}");
        await ExpectOwnAsync(page.GetByLabel("Mã số thuế cơ sở", new() { Exact = true }), taxCode, name, page);
        await page.ScreenshotAsync("own-establishment-entry");
        await page.ChooseAsync("Nhóm sản phẩm", "Chế biến nông, lâm, thủy sản và thực phẩm");
        await page.FillFieldAsync("Tên sản phẩm", "Chè Đường Hoa");
        await page.FillFieldAsync("Mô tả sản phẩm", "Chè búp tươi sao khô thủ công");
        await page.ClickButtonAsync("Đăng ký sản phẩm");
        await Expect(page.Told()).ToHaveTextAsync($"Đã đăng ký sản phẩm «Chè Đường Hoa» của {name}.");
        await page.AssertAccessibleAsync();
    }

    /// <summary>The field holds the account's own tax code, names the establishment, and takes no typing.</summary>
    private static async Task ExpectOwnAsync(ILocator field, string taxCode, string name, IPage page)
    {
        await Expect(field).ToHaveValueAsync(taxCode);
        await Expect(field).Not.ToBeEditableAsync();
        await Expect(page.GetByText($"Cơ sở của tài khoản đang đăng nhập: {name}", new() { Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>
    /// A district competition in Hải Hà open for entries with a seated council, once the Products service knows the
    /// establishment (an entry of another competition, registered by the Centre, waits for that).
    /// </summary>
    private async Task<Guid> OpenCompetitionAsync(string taxCode)
    {
        var probe = await CreateOpenCompetitionAsync();
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), async () =>
        {
            var registered = await web.Gateway.PostAsJsonAsync($"/api/products/competitions/{probe}/entries", new
            {
                establishmentTaxCode = taxCode, group = "Handicrafts", productName = "Nón lá", description = "Nón lá thủ công", receivedOn = Today,
            });
            return registered.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromMilliseconds(500)), "the Products service never learnt of the establishment");
        return await CreateOpenCompetitionAsync();
    }

    private async Task<Guid> CreateOpenCompetitionAsync()
    {
        var opens = Today.AddDays(-5);
        var created = await web.Gateway.PostAsJsonAsync("/api/products/competitions", new
        {
            title = $"Bình chọn cấp huyện {Guid.NewGuid():N}"[..28], level = "District", year = opens.Year, district = "Hải Hà",
            registrationOpensOn = opens, registrationClosesOn = opens.AddDays(30),
            scheduleDecisionNumber = opens.Year % 2 == 0 ? "15/QĐ-UBND" : null, scheduleDecisionDate = opens.Year % 2 == 0 ? opens.AddDays(-10) : (DateOnly?)null,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var jury = await web.Accounts.JuryAsync(5);
        var council = await web.Gateway.PutAsJsonAsync($"/api/products/competitions/{id}/council", new
        {
            members = jury.Select((juror, i) => new { userId = juror.UserId, position = i == 0 ? "Chủ tịch hội đồng" : "Ủy viên", chair = i == 0 }),
        });
        Assert.True(council.IsSuccessStatusCode, await council.Content.ReadAsStringAsync());
        Assert.True((await web.Gateway.PostAsync($"/api/products/competitions/{id}/open", null)).IsSuccessStatusCode);
        return id;
    }
}
