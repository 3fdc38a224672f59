using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.Benchmarks;

internal sealed class PlatformApi(HttpClient http, Uri gateway)
{
    public async Task<string> CreateSubmittedAsync(int year)
    {
        var created = await http.PostAsJsonAsync(new Uri(gateway, "/api/proposals"), new
        {
            title = "Lò nung gốm",
            fundingSource = "Local",
            planYear = year,
            contentGroup = 3,
            establishmentTaxCode = "5701234567",
            district = "Đông Triều",
            stateSupport = 100_000_000,
            ownCapital = 700_000_000,
            otherSources = 0,
        });
        Ensure(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Ensure(await http.PostAsync(new Uri(gateway, $"/api/proposals/{id}/submit"), null), HttpStatusCode.OK);
        return id;
    }

    public async Task<List<string>> CreateSubmittedManyAsync(int year, int count, int parallelism)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (_, _) => ids.Add(await CreateSubmittedAsync(year)));
        return [.. ids];
    }

    public async Task ApproveAsync(string id, int year) =>
        Ensure(await http.PostAsJsonAsync(new Uri(gateway, $"/api/proposals/{id}/approve"),
            new { approvedSupport = 100_000_000, decisionNumber = "1/QĐ-SCT", decisionDate = $"{year}-01-15" }), HttpStatusCode.OK);

    public async Task<int> ApprovedCountAsync(int year)
    {
        var summary = await http.GetFromJsonAsync<JsonElement>(new Uri(gateway, $"/api/reports/summary?fromYear={year}&toYear={year}"));
        return summary.GetProperty("proposals").GetInt32();
    }

    private static void Ensure(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
        }
    }
}
