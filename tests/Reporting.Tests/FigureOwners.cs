using KhuyenCong.Contracts.Reconciliation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using R = KhuyenCong.Contracts.Reconciliation.ReconciledFigures;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// The figures endpoints of the four services that own the reconciled figures, answered by one local web app: Proposals
/// counts the values given, the others count nothing. <see cref="Settings"/> points Reporting's reconciliation at it.
/// </summary>
public sealed class FigureOwners : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FigureOwners(WebApplication app) => _app = app;

    /// <summary>Reporting's settings that make it ask these owners for their figures.</summary>
    public (string Key, string Value)[] Settings
    {
        get
        {
            var address = _app.Urls.Single();
            return
            [
                ("Reporting:Owners:proposals", address), ("Reporting:Owners:training", address),
                ("Reporting:Owners:fairs", address), ("Reporting:Owners:products", address),
            ];
        }
    }

    public static async Task<FigureOwners> StartAsync(IReadOnlyList<YearFigure> proposals)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/api/proposals/figures", (int fromYear, int toYear) => OwnerFigures.For(fromYear, toYear, R.Proposals.All, proposals));
        app.MapGet("/api/training/figures", (int fromYear, int toYear) => OwnerFigures.For(fromYear, toYear, R.Training.All, []));
        app.MapGet("/api/fairs/figures", (int fromYear, int toYear) => OwnerFigures.For(fromYear, toYear, R.Fairs.All, []));
        app.MapGet("/api/products/figures", (int fromYear, int toYear) => OwnerFigures.For(fromYear, toYear, R.Products.All, []));
        await app.StartAsync();
        return new FigureOwners(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
