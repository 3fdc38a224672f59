using System.Net;
using System.Net.Http.Json;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>The figures Reporting reconciles against: Admin only, every figure and year, a bad range refused.</summary>
[Collection(ServersCollection.Name)]
public sealed class FiguresTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private TrainingApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new TrainingApp(postgres, rabbit);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Without_courses_every_figure_of_every_year_is_zero()
    {
        var figures = await _app.ClientAs(TestUser.Admin).GetFromJsonAsync<OwnerFigures>("/api/training/figures?fromYear=2024&toYear=2025");

        Assert.Equal(ReconciledFigures.Training.All.Count * 2, figures!.Figures.Count);
        Assert.All(figures.Figures, f => Assert.Equal(0, f.Value));
    }

    [Fact]
    public async Task A_bad_range_is_refused()
    {
        var response = await _app.ClientAs(TestUser.Admin).GetAsync("/api/training/figures?fromYear=2025&toYear=2024");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("Officer")]
    [InlineData("Leader")]
    [InlineData("Appraiser")]
    public async Task Only_an_administrator_reads_the_figures(string role)
    {
        var response = await _app.ClientAs(new TestUser(role)).GetAsync("/api/training/figures?fromYear=2024&toYear=2025");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
