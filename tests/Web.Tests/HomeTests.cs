extern alias WebApp;

using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Products;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using WebApp::KhuyenCong.Web.Api;
using WebApp::KhuyenCong.Web.Components.Shared;
using WebApp::KhuyenCong.Web.Ui;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>The home page by role: an establishment lands on its own records, each with its status and next step.</summary>
[Collection(WebCollection.Name)]
public sealed class HomeTests(WebFixture web)
{
    [Fact]
    public async Task An_establishment_lands_on_its_own_proposals_with_their_status_and_next_step()
    {
        var journey = new ProposalJourney(web.Gateway);
        var taxCode = PlatformApi.NewTaxCode();
        await journey.EnsureEstablishmentAsync(taxCode);
        var draft = await journey.CreateAsync(ProposalJourney.DraftBody(taxCode, stateSupport: 150_000_000));
        var submitted = await journey.CreateAsync(ProposalJourney.DraftBody(taxCode, stateSupport: 250_000_000));
        await journey.SubmitAsync(submitted.GetProperty("id").GetString()!);
        var otherTaxCode = PlatformApi.NewTaxCode();
        await journey.EnsureEstablishmentAsync(otherTaxCode);
        var other = await journey.CreateAsync(ProposalJourney.DraftBody(otherTaxCode));

        var page = await web.SignedInPageAsync(WebUsers.Establishment(taxCode));

        var own = page.GetByRole(AriaRole.Region, new() { Name = "Đề án của cơ sở" });
        await Expect(own.GetByTestId("own-proposal")).ToHaveCountAsync(2);
        var draftRow = own.GetByTestId("own-proposal").Filter(new() { HasText = Code(draft) });
        await Expect(draftRow).ToContainTextAsync("Bản nháp");
        await Expect(draftRow).ToContainTextAsync("Hoàn thiện hồ sơ và nộp đề án");
        var submittedRow = own.GetByTestId("own-proposal").Filter(new() { HasText = Code(submitted) });
        await Expect(submittedRow).ToContainTextAsync("Chờ Trung tâm tiếp nhận và đưa ra hội đồng thẩm định");
        await Expect(own.GetByTestId("own-state-support")).ToHaveTextAsync("400 triệu đồng");
        await Expect(page.GetByText(Code(other))).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Sản phẩm CNNT tiêu biểu của cơ sở" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Hội chợ đang nhận đăng ký" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("home-establishment");
        await page.AssertAccessibleAsync();

        await Expect(own.GetByRole(AriaRole.Link, new() { Name = Code(draft) }))
            .ToHaveAttributeAsync("href", $"/proposals/{draft.GetProperty("id").GetString()}");
    }

    [Fact]
    public async Task An_establishment_sees_its_own_fair_registrations_and_competition_entries_with_the_next_step()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var taxCode = await api.RegisterEstablishmentAsync("HTX chè Đường Hoa " + Guid.NewGuid().ToString("N")[..6]);
        var otherTaxCode = await api.RegisterEstablishmentAsync("HTX miến dong Bình Liêu " + Guid.NewGuid().ToString("N")[..6]);
        var allocatedFair = "Hội chợ OCOP Quảng Ninh " + taxCode;
        var allocated = await api.PublishFairAsync(allocatedFair);
        await api.RegisterForFairAsync(allocated, taxCode, booths: 2);
        await api.RegisterForFairAsync(allocated, otherTaxCode, booths: 1);
        await api.AllocateBoothsAsync(allocated);
        var openFair = "Hội chợ hàng CNNT Hạ Long " + taxCode;
        var open = await api.PublishFairAsync(openFair);
        await api.RegisterForFairAsync(open, taxCode, booths: 1);
        var othersFair = "Hội chợ Bình Liêu " + otherTaxCode;
        await api.RegisterForFairAsync(await api.PublishFairAsync(othersFair), otherTaxCode, booths: 1);
        var product = "Chè búp Đường Hoa " + taxCode;
        var competition = await api.RecogniseProductAsync(taxCode, product);
        await api.RecogniseProductAsync(otherTaxCode, "Miến dong " + otherTaxCode);

        var page = await web.SignedInPageAsync(WebUsers.Establishment(taxCode));

        var fairs = page.GetByRole(AriaRole.Region, new() { Name = "Đăng ký hội chợ của cơ sở" });
        await Expect(fairs.GetByTestId("own-registration")).ToHaveCountAsync(2);
        var allocatedRow = fairs.GetByTestId("own-registration").Filter(new() { HasText = allocatedFair });
        await Expect(allocatedRow).ToContainTextAsync("Được bố trí 2/2 gian hàng");
        await Expect(allocatedRow).ToContainTextAsync("Chuẩn bị sản phẩm trưng bày và tham gia hội chợ");
        await Expect(allocatedRow.GetByRole(AriaRole.Link, new() { Name = allocatedFair })).ToHaveAttributeAsync("href", $"/fairs/{allocated}");
        var openRow = fairs.GetByTestId("own-registration").Filter(new() { HasText = openFair });
        await Expect(openRow).ToContainTextAsync("Đăng ký 1 gian hàng, chờ phân bổ");
        await Expect(openRow).ToContainTextAsync("Chờ Trung tâm phân bổ gian hàng sau hạn đăng ký");
        await Expect(fairs.GetByText(othersFair)).ToHaveCountAsync(0);

        var entries = page.GetByRole(AriaRole.Region, new() { Name = "Sản phẩm dự thi của cơ sở" });
        await Expect(entries.GetByTestId("own-entry")).ToHaveCountAsync(1);
        var entry = entries.GetByTestId("own-entry");
        await Expect(entry).ToContainTextAsync(product);
        await Expect(entry).ToContainTextAsync("Đã cấp giấy chứng nhận");
        await Expect(entry).ToContainTextAsync("hạng 1; được công nhận");
        await Expect(entry).ToContainTextAsync("Báo cáo hằng năm về sản phẩm được công nhận");
        await Expect(entry.GetByRole(AriaRole.Link, new() { NameRegex = new("Bình chọn sản phẩm") }))
            .ToHaveAttributeAsync("href", $"/products/competitions/{competition}");
        var certificates = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/certificates?establishmentTaxCode={taxCode}");
        var number = certificates.GetProperty("items")[0].GetProperty("number").GetString()!;
        await Expect(entry.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }))
            .ToHaveAttributeAsync("href", $"/products/certificates?q={Uri.EscapeDataString(number)}");
        await page.ScreenshotAsync("home-establishment-fairs-entries");
        await page.AssertAccessibleAsync();
    }

    private static string Code(JsonElement proposal) => proposal.GetProperty("code").GetString()!;

    [Fact]
    public void Every_next_step_has_its_English()
    {
        var steps = Enum.GetValues<ProposalStatus>().Select(Welcome.NextStepOf)
            .Concat(Enum.GetValues<CertificateStatus>().Select(Welcome.NextStepOf))
            .Concat(from fair in Enum.GetValues<FairStatus>()
                    from allocation in Enum.GetValues<AllocationStatus>()
                    from outcome in new FairOutcome?[] { null, new(1, 1, 1, 1, DateTimeOffset.UnixEpoch, "x") }
                    select Welcome.NextStepOf(new EstablishmentFairRegistration(Guid.Empty, "", default, default, fair,
                        new FairRegistration(Guid.Empty, Guid.Empty, "", "", "", false, [], 1, default, allocation, 0, null, null, null, null, null, false, 0, outcome))))
            .Concat(from competition in Enum.GetValues<CompetitionStatus>()
                    from entry in Enum.GetValues<EntryStatus>()
                    from recognised in new bool?[] { null, false, true }
                    from certificate in new[] { null, "01/2026" }
                    select Welcome.NextStepOf(new EstablishmentEntry(Guid.Empty, "", RecognitionLevel.District, 2026, competition, Guid.Empty, "", entry,
                        null, null, recognised, null, certificate)))
            .ToList();
        Assert.All(steps, step => Assert.True(English.Words.ContainsKey(step), $"English.Words has no entry for \"{step}\"."));
    }
}
