extern alias WebApp;

using System.Text.Json;
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

    private static string Code(JsonElement proposal) => proposal.GetProperty("code").GetString()!;

    [Fact]
    public void Every_next_step_has_its_English()
    {
        var steps = Enum.GetValues<ProposalStatus>().Select(Welcome.NextStepOf)
            .Concat(Enum.GetValues<CertificateStatus>().Select(Welcome.NextStepOf))
            .ToList();
        Assert.All(steps, step => Assert.True(English.Words.ContainsKey(step), $"English.Words has no entry for \"{step}\"."));
    }
}
