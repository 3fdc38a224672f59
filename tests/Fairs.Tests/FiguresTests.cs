using System.Net;
using System.Net.Http.Json;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>The figures Reporting reconciles against: Admin only, every figure and year, a bad range refused.</summary>
[Collection(ServersCollection.Name)]
public sealed class FiguresTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    [Fact]
    public async Task Without_fairs_every_figure_of_every_year_is_zero()
    {
        var figures = await ClientAs(TestUser.Admin).GetFromJsonAsync<OwnerFigures>("/api/fairs/figures?fromYear=2024&toYear=2025");

        Assert.Equal(ReconciledFigures.Fairs.All.Count * 2, figures!.Figures.Count);
        Assert.All(figures.Figures, f => Assert.Equal(0, f.Value));
    }

    [Fact]
    public async Task A_bad_range_is_refused()
    {
        var response = await ClientAs(TestUser.Admin).GetAsync("/api/fairs/figures?fromYear=2024");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("Officer")]
    [InlineData("Leader")]
    [InlineData("Appraiser")]
    public async Task Only_an_administrator_reads_the_figures(string role)
    {
        var response = await ClientAs(new TestUser(role)).GetAsync("/api/fairs/figures?fromYear=2024&toYear=2025");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
