extern alias WebApp;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts;
using Microsoft.Playwright;
using WebApp::KhuyenCong.Web.Api;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>The current year's envelopes on the leaders' home: the same figures as the envelope API, and the alerts about them.</summary>
[Collection(WebCollection.Name)]
public sealed class BudgetDashboardTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string Vnd(JsonElement figure) =>
        figure.ValueKind == JsonValueKind.Null ? "—" : string.Format(Vietnamese, "{0:N0} ₫", figure.GetInt64());

    [Fact]
    public async Task The_leaders_home_shows_the_current_years_envelopes_with_the_envelope_APIs_figures()
    {
        // A large envelope, so that it holds back none of the other tests' approvals of this year.
        var allocation = await web.Gateway.PostAsJsonAsync("/api/proposals/budget-envelopes", new
        {
            planYear = Today.Year, fundingSource = "Local", amount = 100_000_000_000, decisionNumber = $"1/{Today.Year}/QĐ-UBND",
            decisionDate = new DateOnly(Today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.True(allocation.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await allocation.Content.ReadAsStringAsync());

        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await page.OpenAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Dự toán và giải ngân năm {Today.Year}" })).ToBeVisibleAsync();

        foreach (var source in new[] { "Local", "National" })
        {
            var envelope = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/budget-envelopes/{Today.Year}/{source}");
            await Expect(page.GetByTestId($"budget-{source}-allocated")).ToHaveTextAsync(Vnd(envelope.GetProperty("allocated")));
            await Expect(page.GetByTestId($"budget-{source}-committed")).ToHaveTextAsync(Vnd(envelope.GetProperty("committed")));
            await Expect(page.GetByTestId($"budget-{source}-paid")).ToHaveTextAsync(Vnd(envelope.GetProperty("paid")));
            await Expect(page.GetByTestId($"budget-{source}-remaining")).ToHaveTextAsync(Vnd(envelope.GetProperty("remaining")));
        }
        var overPlan = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals?year={Today.Year}&overPlan=true&pageSize=200");
        await Expect(page.GetByTestId("alert-over-plan")).ToHaveTextAsync(overPlan.GetProperty("total").GetInt32().ToString(Vietnamese));
        await Expect(page.GetByTestId("over-plan-link")).ToHaveCountAsync(Math.Min(overPlan.GetProperty("total").GetInt32(), BudgetOverviewQuery.OverPlanShown));
        await page.ScreenshotAsync("dashboard-budget");
        await page.AssertAccessibleAsync();
    }
}

/// <summary>The under-spend alert: from 1 October, payments below the province's share of the allocated envelope.</summary>
public sealed class UnderSpendAlertTests
{
    private static BudgetEnvelope Envelope(long? allocated, long paid, int year = 2027) => new(
        Guid.NewGuid(), year, FundingSource.Local, allocated is not null, allocated, 0, allocated, 0, paid, 0, 0, 0, 0, [], [], []);

    [Theory]
    [InlineData("2027-09-30", 1_000_000_000L, 100_000_000L, 50, false)]
    [InlineData("2027-10-01", 1_000_000_000L, 100_000_000L, 50, true)]
    [InlineData("2027-12-31", 1_000_000_000L, 499_999_999L, 50, true)]
    [InlineData("2027-12-31", 1_000_000_000L, 500_000_000L, 50, false)]
    [InlineData("2027-10-01", 1_000_000_000L, 600_000_000L, 70, true)]
    [InlineData("2027-10-01", 1_000_000_000L, 700_000_000L, 70, false)]
    [InlineData("2028-01-15", 1_000_000_000L, 0L, 50, true)]
    public void An_envelope_is_under_spent_from_1_October_when_payments_are_below_the_provinces_share(
        string today, long allocated, long paid, int percent, bool expected) =>
        Assert.Equal(expected, BudgetOverviewQuery.IsUnderSpent(Envelope(allocated, paid), DateOnly.Parse(today, CultureInfo.InvariantCulture), percent));

    [Fact]
    public void A_year_without_an_envelope_raises_no_under_spend_alert() =>
        Assert.False(BudgetOverviewQuery.IsUnderSpent(Envelope(null, 0), new DateOnly(2027, 12, 1), 50));
}
