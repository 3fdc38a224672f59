using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>What each role sees: the menus, the actions and the records the web UI offers them.</summary>
[Collection(WebCollection.Name)]
public sealed class RoleTests(WebFixture web)
{
    private ProposalJourney Journey => new(web.Gateway);

    /// <summary>A new establishment and a draft proposal for it, filed through the API as an officer would.</summary>
    private async Task<(string TaxCode, JsonElement Proposal)> DraftAsync()
    {
        var taxCode = PlatformApi.NewTaxCode();
        await Journey.EnsureEstablishmentAsync(taxCode);
        return (taxCode, await Journey.CreateAsync(ProposalJourney.DraftBody(taxCode)));
    }

    private static ILocator Menu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Chức năng" });

    [Theory]
    [InlineData("Admin", "Quản trị hệ thống", true, true)]
    [InlineData("Officer", "Cán bộ Trung tâm", true, false)]
    [InlineData("Appraiser", "Thành viên hội đồng", false, false)]
    [InlineData("DistrictOfficer", "Cán bộ cấp huyện, xã", true, false)]
    [InlineData("Establishment", "Cơ sở CNNT", false, false)]
    [InlineData("Leader", "Lãnh đạo", true, false)]
    public async Task Each_role_signs_in_and_is_offered_its_own_menu(string role, string label, bool reports, bool users)
    {
        var user = role switch
        {
            "Admin" => web.Admin,
            "Establishment" => WebUsers.Establishment(PlatformApi.NewTaxCode()),
            _ => new WebUser($"vai-tro-{role.ToLowerInvariant()}", $"Người dùng {label}", "Kc-Vai-Tro-2025", [role],
                UnitCode: role == "DistrictOfficer" ? "dong-trieu" : null, District: role == "DistrictOfficer" ? "Đông Triều" : null),
        };

        var page = await web.SignedInPageAsync(user);

        await Expect(page.GetByTestId("user-roles")).ToContainTextAsync(label);
        await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Đề án khuyến công" })).ToBeVisibleAsync();
        await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Báo cáo" })).ToHaveCountAsync(reports ? 1 : 0);
        await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToHaveCountAsync(users ? 1 : 0);
        await page.ScreenshotAsync($"menu-{role.ToLowerInvariant()}");
    }

    [Fact]
    public async Task A_leader_reads_reports_and_proposals_but_is_offered_no_action()
    {
        var (_, draft) = await DraftAsync();
        var id = draft.GetProperty("id").GetString()!;
        await Journey.SubmitAsync(id);

        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await Expect(page.GetByTestId("user-roles")).ToHaveTextAsync("Lãnh đạo");
        await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Báo cáo" })).ToBeVisibleAsync();
        await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToHaveCountAsync(0);

        await page.OpenAsync("/proposals");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lập đề án" })).ToHaveCountAsync(0);

        await page.OpenAsync($"/proposals/{id}");
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đã nộp");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Việc cần làm" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu thẩm định" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hủy đề án" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("leader-proposal");

        // The same proposal offers an officer the next step.
        var officer = await web.SignedInPageAsync(WebUsers.Officer);
        await officer.OpenAsync($"/proposals/{id}");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu thẩm định" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_establishment_user_sees_only_its_own_records_and_may_file_a_proposal()
    {
        var (ownTaxCode, own) = await DraftAsync();
        var (otherTaxCode, other) = await DraftAsync();
        var user = WebUsers.Establishment(ownTaxCode);

        var page = await web.SignedInPageAsync(user);
        await Expect(page.GetByTestId("user-roles")).ToHaveTextAsync($"Cơ sở CNNT — {ownTaxCode}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Xin chào, {user.DisplayName}" })).ToBeVisibleAsync();
        await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Báo cáo" })).ToHaveCountAsync(0);

        await page.OpenAsync("/proposals");
        await Expect(page.GetByTestId("scope-note")).ToContainTextAsync(ownTaxCode);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = own.GetProperty("code").GetString()! })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = other.GetProperty("code").GetString()! })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lập đề án" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("establishment-proposals");

        // A new proposal names the establishment itself as its beneficiary, without typing its tax code.
        await page.OpenAsync("/proposals/new");
        await Expect(page.GetByLabel("Mã số thuế cơ sở thụ hưởng", new() { Exact = true })).ToHaveValueAsync(ownTaxCode);

        await page.OpenAsync("/establishments");
        await Expect(page.GetByText(ownTaxCode, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText(otherTaxCode, new() { Exact = true })).ToHaveCountAsync(0);

        await page.OpenAsync($"/proposals/{own.GetProperty("id").GetString()}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nộp đề án" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu thẩm định" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_appraiser_scores_a_proposal_under_appraisal_and_decides_nothing_else()
    {
        var (_, draft) = await DraftAsync();
        var id = draft.GetProperty("id").GetString()!;
        await Journey.SubmitAsync(id);
        var seats = new List<string>();
        foreach (var member in WebUsers.Council)
        {
            await web.EnsureUserAsync(member);
            var found = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/users?q={member.UserName}&role=Appraiser");
            seats.Add(found.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == member.UserName).GetProperty("id").GetString()!);
        }
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromMinutes(1), async () =>
        {
            var known = (await web.Gateway.GetFromJsonAsync<JsonElement>("/api/proposals/appraisers")).EnumerateArray().Select(a => a.GetProperty("userId").GetString()).ToHashSet();
            return seats.All(known.Contains);
        }));
        await Journey.PostAsync(id, "appraisal", new
        {
            council = seats.Select((userId, i) => new { userId, position = i == 0 ? "Chủ tịch hội đồng" : "Ủy viên", chair = i == 0 }).ToArray(),
        });

        var page = await web.SignedInPageAsync(WebUsers.Appraiser);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đề án đang thẩm định" })).ToBeVisibleAsync();
        await page.OpenAsync($"/proposals/{id}");

        await Expect(page.Section($"Phiếu chấm của {WebUsers.Council[1].DisplayName}").GetByRole(AriaRole.Button, new() { Name = "Lưu phiếu chấm" })).ToHaveCountAsync(0);
        var sheet = page.Section($"Phiếu chấm của {WebUsers.Appraiser.DisplayName}");
        await sheet.FillFieldAsync("Phù hợp quy định (tối đa 20)", "18");
        await sheet.FillFieldAsync("Mục tiêu và hiệu quả (tối đa 25)", "20");
        await sheet.FillFieldAsync("Dự toán hợp lý (tối đa 20)", "16");
        await sheet.FillFieldAsync("Năng lực đơn vị (tối đa 15)", "12");
        await sheet.FillFieldAsync("Lồng ghép chương trình khác (tối đa 10)", "8");
        await sheet.FillFieldAsync("Hồ sơ đầy đủ (tối đa 10)", "9");
        await sheet.ClickButtonAsync("Lưu phiếu chấm");
        await Expect(sheet.GetByText("83 điểm")).ToBeVisibleAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc thẩm định" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("appraiser-scored");
    }

    [Fact]
    public async Task A_jury_member_scores_a_product_on_the_competition_page()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var taxCode = await api.RegisterEstablishmentAsync("HTX Gốm Đông Triều");
        await web.EnsureUserAsync(WebUsers.Appraiser);
        var found = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/users?q={WebUsers.Appraiser.UserName}&role=Appraiser");
        var appraiserId = found.GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == WebUsers.Appraiser.UserName).GetProperty("id").GetString()!;
        var (competition, entry, _, _) = await api.EntryUnderScoringAsync(taxCode, "Gốm men rạn Đông Triều", firstJuror: appraiserId);

        var page = await web.SignedInPageAsync(WebUsers.Appraiser);
        await page.OpenAsync($"/products/competitions/{competition}");
        var sheet = page.Section("Gốm men rạn Đông Triều");
        await Expect(sheet).ToContainTextAsync("phiếu chấm 0/5");
        // The form fills the signed-in juror's own seat only; there is no choosing whose sheet it is.
        await Expect(page.GetByLabel("Thành viên chấm")).ToHaveCountAsync(0);
        await page.FillFieldAsync("Thị trường, sản xuất (40)", "36");
        await page.FillFieldAsync("Kinh tế, kỹ thuật, xã hội, môi trường (40)", "31");
        await page.FillFieldAsync("Văn hóa, thẩm mỹ (10)", "9");
        await page.FillFieldAsync("Khác (10)", "8");
        await sheet.ClickButtonAsync("Lưu phiếu chấm");

        await Expect(sheet).ToContainTextAsync("phiếu chấm 1/5");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Công bố kết quả" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("jury-scored");
        var stored = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/entries/{entry}");
        Assert.Equal(1, stored.GetProperty("scoresReceived").GetInt32());
        Assert.Equal(appraiserId, stored.GetProperty("jury")[0].GetProperty("scoredBy").GetString());
    }

    [Fact]
    public async Task An_administrator_creates_a_user_on_the_users_page_resets_their_password_and_the_user_signs_in_with_it()
    {
        var page = await web.SignedInPageAsync(web.Admin);
        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Người dùng", Exact = true })).ToBeVisibleAsync();
        await page.Locator("main[aria-busy='false']").WaitForAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = WebUsers.AdminUserName, Exact = true })).ToBeVisibleAsync();

        var created = new WebUser($"can-bo-{PlatformApi.NewTaxCode()[^6..]}", "Phạm Quốc Bảo", "Kc-Moi-2024-x", ["Officer"]);
        var form = page.Section("Thêm người dùng");
        await form.FillFieldAsync("Tên đăng nhập", created.UserName);
        await form.FillFieldAsync("Họ tên", created.DisplayName);
        await form.FillFieldAsync("Mật khẩu ban đầu", "ngan");
        await form.GetByLabel("Cán bộ Trung tâm").CheckAsync();
        await form.ClickButtonAsync("Tạo người dùng");
        // The identity service's password policy speaks beside the password field.
        await Expect(form.Locator(".mud-input-error")).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync("users-refused-password");

        await form.FillFieldAsync("Mật khẩu ban đầu", created.Password);
        await form.ClickButtonAsync("Tạo người dùng");
        await Expect(page.Told()).ToContainTextAsync($"Đã tạo người dùng {created.UserName}.");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = created.UserName, Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync("users-created");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"Sửa vai trò {created.UserName}", Exact = true }).ClickAsync();
        var edit = page.Section("Sửa vai trò và phạm vi");
        await edit.FillFieldAsync("Mật khẩu mới", "Kc-Doi-2025-y");
        await edit.ClickButtonAsync("Đặt lại mật khẩu");
        await Expect(page.Told().Filter(new() { HasText = "Đã đặt lại mật khẩu" })).ToContainTextAsync(created.UserName);
        await page.ScreenshotAsync("users-password-reset");

        var newcomer = await web.NewPageAsync();
        await newcomer.SignInAsync(created with { Password = "Kc-Doi-2025-y" });
        await Expect(newcomer.GetByTestId("user-roles")).ToHaveTextAsync("Cán bộ Trung tâm");
    }
}
