using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>"In / Tải PDF" on an approved proposal: the button opens the approval decision, a PDF shown inline, in a new tab.</summary>
[Collection(WebCollection.Name)]
public sealed class PaperButtonTests(WebFixture web)
{
    [Fact]
    public async Task The_print_button_of_an_approved_proposal_opens_its_decision_as_a_pdf_in_a_new_tab()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode);
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode));
        await journey.ApproveAsync(id, 285_000_000);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");

        var button = page.GetByRole(AriaRole.Link, new() { Name = "In / Tải PDF — Quyết định phê duyệt" });
        await Expect(button).ToHaveAttributeAsync("target", "_blank");
        var href = await button.GetAttributeAsync("href");
        var tab = await page.Context.RunAndWaitForPageAsync(() => button.ClickAsync());

        Assert.EndsWith(href!, tab.Url);
        var shown = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, shown.Status);
        Assert.StartsWith("application/pdf", shown.Headers["content-type"]);
        Assert.StartsWith("inline", shown.Headers["content-disposition"]);
        var text = await PdfText.ExtractAsync(await shown.BodyAsync());
        Assert.Contains("Số: 15/QĐ-SCT", text);
        Assert.Contains("285.000.000 đồng", text);
        await page.AssertAccessibleAsync();
    }
}
