using System.Net;
using System.Net.Http.Json;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Products.Tests;

/// <summary>The figures Reporting reconciles against: Admin only, every figure and year, a bad range refused.</summary>
[Collection(ServersCollection.Name)]
public sealed class FiguresTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private ProductsHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ProductsHost(postgres, rabbit, new DateOnly(2026, 3, 2));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Without_certificates_every_figure_of_every_year_is_zero()
    {
        var figures = await _host.ClientAs(TestUser.Admin).GetFromJsonAsync<OwnerFigures>("/api/products/figures?fromYear=2024&toYear=2025");

        Assert.Equal(ReconciledFigures.Products.All.Count * 2, figures!.Figures.Count);
        Assert.All(figures.Figures, f => Assert.Equal(0, f.Value));
    }

    [Fact]
    public async Task A_bad_range_is_refused()
    {
        var response = await _host.ClientAs(TestUser.Admin).GetAsync("/api/products/figures?fromYear=2101&toYear=2102");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_certificate_is_valid_until_its_expiry_date_ends_in_the_province()
    {
        await _host.AddEstablishmentAsync();
        var expiresOn = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 4, 1), "Chè Đường Hoa", 7))
            .GetProperty("expiresOn").GetString();
        Assert.Equal("2027-12-31", expiresOn);

        // 18:30 UTC on the expiry date is 01:30 the next morning in Viet Nam: the certificate has lapsed.
        _host.Clock.SetTo(new DateTimeOffset(2027, 12, 31, 18, 30, 0, TimeSpan.Zero));
        var figures = (await _host.ClientAs(TestUser.Admin).GetFromJsonAsync<OwnerFigures>("/api/products/figures?fromYear=2025&toYear=2025"))!;

        Assert.Equal(1, figures.Figures.Single(f => f.Figure == ReconciledFigures.Products.Recognised).Value);
        Assert.Equal(0, figures.Figures.Single(f => f.Figure == ReconciledFigures.Products.Valid).Value);
    }

    [Theory]
    [InlineData("Officer")]
    [InlineData("Leader")]
    [InlineData("Appraiser")]
    public async Task Only_an_administrator_reads_the_figures(string role)
    {
        var response = await _host.ClientAs(new TestUser(role)).GetAsync("/api/products/figures?fromYear=2024&toYear=2025");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
