using KhuyenCong.Platform.Data;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

/// <summary>A database holding only the counters, as a service's context maps them.</summary>
public sealed class SequenceDbContext(DbContextOptions<SequenceDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddNumberSequences();
}

[Collection(ServersCollection.Name)]
public sealed class NumberSequenceTests(PostgresServer postgres)
{
    private static readonly NumberSequenceKey Codes2025 = NumberSequenceKey.Yearly("code/KCQG", 2025);
    private static readonly NumberSequenceKey Codes2026 = NumberSequenceKey.Yearly("code/KCQG", 2026);

    [Fact]
    public async Task Numbers_taken_in_parallel_bursts_are_consecutive_without_a_duplicate_or_a_gap()
    {
        var options = await DatabaseAsync();
        var taken = new List<(NumberSequenceKey Key, int Number)>();
        for (var round = 0; round < 5; round++)
        {
            // Two counters at once: each burst's callers alternate between the years.
            taken.AddRange(await BurstAsync(2 * Bursts.Size, async i =>
            {
                var key = i % 2 == 0 ? Codes2025 : Codes2026;
                await using var db = new SequenceDbContext(options);
                return (key, await NumberSequences.NextAsync(db, key, CancellationToken.None));
            }));
        }

        foreach (var key in new[] { Codes2025, Codes2026 })
        {
            Assert.Equal(Enumerable.Range(1, 5 * Bursts.Size), taken.Where(t => t.Key == key).Select(t => t.Number).Order());
        }
        await using var check = new SequenceDbContext(options);
        Assert.Equal([5 * Bursts.Size, 5 * Bursts.Size], await check.Set<NumberSequence>().OrderBy(s => s.Scope).Select(s => s.LastValue).ToListAsync());
    }

    [Fact]
    public async Task Blocks_reserved_in_a_parallel_burst_are_disjoint_and_leave_no_gap()
    {
        var options = await DatabaseAsync();

        var blocks = await BurstAsync(2 * Bursts.Size, async i =>
        {
            var count = i % 3 + 1;
            await using var db = new SequenceDbContext(options);
            return (First: await NumberSequences.ReserveAsync(db, Codes2025, count, CancellationToken.None), Count: count);
        });

        var total = blocks.Sum(b => b.Count);
        Assert.Equal(Enumerable.Range(1, total), blocks.SelectMany(b => Enumerable.Range(b.First, b.Count)).Order());
    }

    [Fact]
    public async Task A_counter_starts_at_one_and_a_rolled_back_transaction_gives_its_number_back()
    {
        var options = await DatabaseAsync();
        await using var db = new SequenceDbContext(options);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await NumberSequences.NextAsync(db, Codes2025, CancellationToken.None));
            Assert.Equal(2, await NumberSequences.NextAsync(db, Codes2025, CancellationToken.None));
            await transaction.RollbackAsync();
        }

        Assert.Equal(1, await NumberSequences.NextAsync(db, Codes2025, CancellationToken.None));
        Assert.Equal(1, await NumberSequences.NextAsync(db, NumberSequenceKey.Yearly("code/KCĐP", 2025), CancellationToken.None));
    }

    [Fact]
    public async Task Reserving_no_numbers_is_refused()
    {
        await using var db = new SequenceDbContext(await DatabaseAsync());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => NumberSequences.ReserveAsync(db, Codes2025, 0, CancellationToken.None));
    }

    private async Task<DbContextOptions<SequenceDbContext>> DatabaseAsync()
    {
        var options = new DbContextOptionsBuilder<SequenceDbContext>().UseNpgsql(postgres.NewDatabase("sequences")).Options;
        await using var db = new SequenceDbContext(options);
        await db.Database.EnsureCreatedAsync();
        return options;
    }

    /// <summary>Starts every call at once, behind one gate, as <see cref="Bursts"/> does for requests.</summary>
    private static async Task<T[]> BurstAsync<T>(int count, Func<int, Task<T>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            return await call(i);
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(calls);
    }
}
