using KhuyenCong.Reporting.Data;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>Projections append moves for the cubes; reports count them at once, and folding changes no figure.</summary>
[Collection(ServersCollection.Name)]
public sealed class CubeFoldingTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        // Folding is left to the test: the background fold waits an hour.
        _host = new ReportingHost(postgres, rabbit, ("Reporting:CubeFold:Interval", "01:00:00"));
        await _host.PublishTwiceAsync(Scenario.Events);
        await _host.DrainAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reports_count_appended_moves_before_they_are_folded_and_folding_changes_no_figure()
    {
        const string byCell = "/api/reports/proposals?groupBy=year,district,fundingSource,contentGroup,sector,status";
        var pending = await CountAsync(ProposalCubes.DeltaTable);
        var beforeCells = (await _host.GetJsonAsync(byCell)).ToString();
        var beforeSummary = (await _host.GetJsonAsync("/api/reports/summary")).ToString();

        var folded = await _host.WithDbAsync(db => ProposalCubes.FoldAsync(db, CancellationToken.None));

        Assert.True(pending > 0, "the projections appended no move");
        Assert.Equal(pending, folded);
        Assert.Equal(0, await CountAsync(ProposalCubes.DeltaTable));
        Assert.True(await CountAsync(ProposalCubes.Full.Table) > 0);
        Assert.Equal(0, await CountAsync($"{ProposalCubes.Full.Table} WHERE proposals = 0"));
        Assert.Equal(0, await CountAsync($"{ProposalCubes.ByArea.Table} WHERE proposals = 0"));
        Assert.Equal(beforeCells, (await _host.GetJsonAsync(byCell)).ToString());
        Assert.Equal(beforeSummary, (await _host.GetJsonAsync("/api/reports/summary")).ToString());
        Assert.Equal(0, await _host.WithDbAsync(db => ProposalCubes.FoldAsync(db, CancellationToken.None)));
    }

    [Fact]
    public async Task Several_replicas_folding_at_once_fold_each_move_once()
    {
        var pending = await CountAsync(ProposalCubes.DeltaTable);
        var beforeSummary = (await _host.GetJsonAsync("/api/reports/summary")).ToString();

        // Four folds at the same moment, as the folding jobs of four replicas would run, each on its own connection.
        var folded = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _host.WithDbAsync(db => ProposalCubes.FoldAsync(db, CancellationToken.None)))));

        Assert.True(pending > 0, "the projections appended no move");
        Assert.Equal(pending, folded.Sum());
        Assert.Equal(0, await CountAsync(ProposalCubes.DeltaTable));
        Assert.Equal(beforeSummary, (await _host.GetJsonAsync("/api/reports/summary")).ToString());
        await AssertFoldedCubesEqualRecomputedAsync();
    }

    [Fact]
    public async Task Folded_cubes_equal_the_cubes_recomputed_from_the_facts()
    {
        await _host.WithDbAsync(db => ProposalCubes.FoldAsync(db, CancellationToken.None));

        await AssertFoldedCubesEqualRecomputedAsync();
    }

    /// <summary>The cubes as folded equal the cubes recomputed from the facts, row for row.</summary>
    private async Task AssertFoldedCubesEqualRecomputedAsync()
    {
        var folded = await _host.ReadModelsAsync();
        await _host.WithDbAsync(async db =>
        {
            await ProposalCubes.RecomputeAsync(db, CancellationToken.None);
            return true;
        });
        var recomputed = await _host.ReadModelsAsync();

        Assert.Equal(recomputed[ProposalCubes.Full.Table], folded[ProposalCubes.Full.Table]);
        Assert.Equal(recomputed[ProposalCubes.ByArea.Table], folded[ProposalCubes.ByArea.Table]);
    }

    private Task<int> CountAsync(string from)
    {
        var sql = "SELECT COUNT(*)::int AS \"Value\" FROM " + from;
        return _host.WithDbAsync(db => db.Database.SqlQueryRaw<int>(sql).SingleAsync());
    }
}
