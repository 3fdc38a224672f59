using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;

namespace KhuyenCong.Benchmarks;

internal sealed class PlatformApi(HttpClient http, Uri gateway, IReadOnlyList<CouncilMember> council)
{
    private const string TaxCode = "5701234566";
    private readonly ProposalJourney _journey = new(http, gateway) { Council = council };

    public Task RegisterEstablishmentAsync() => _journey.EnsureEstablishmentAsync(TaxCode, unit: "p-mao-khe", registeredOn: "2026-01-05");

    /// <summary>A proposal submitted and appraised: what is left is the approval decision.</summary>
    public Task<string> CreateSubmittedAsync(int year) =>
        _journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year, stateSupport: 100_000_000, ownCapital: 700_000_000, unit: "p-mao-khe"));

    public async Task<List<string>> CreateSubmittedManyAsync(int year, int count, int parallelism)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (_, _) => ids.Add(await CreateSubmittedAsync(year)));
        return [.. ids];
    }

    /// <summary>Approves today: a decision is never dated in the future, whatever the plan year.</summary>
    public Task ApproveAsync(string id) =>
        _journey.ApproveAsync(id, 100_000_000, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Proposals of the year reporting knows, whatever their status.</summary>
    public async Task<int> KnownCountAsync(int year)
    {
        var report = await http.GetFromJsonAsync<JsonElement>(new Uri(gateway, $"/api/reports/proposals?fromYear={year}&toYear={year}"));
        return report.GetProperty("total").GetProperty("figures").GetProperty("proposals").GetInt32();
    }

    public async Task<int> ApprovedCountAsync(int year)
    {
        var summary = await http.GetFromJsonAsync<JsonElement>(new Uri(gateway, $"/api/reports/summary?fromYear={year}&toYear={year}"));
        return summary.GetProperty("proposals").GetInt32();
    }
}
