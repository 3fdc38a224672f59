using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.Fairs.Tests;

/// <summary>
/// Crowds of parallel requests on one fair, on the real database: registrations, allocations and
/// outcomes are children of the fair, so every change to them runs one after another with the fair's
/// other changes, and the fair's rules hold after every burst.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ConcurrencyTests(PostgresServer postgres, RabbitMqServer rabbit, ITestOutputHelper output) : FairsApp(postgres, rabbit)
{
    private static string TaxCode(int i) => $"57100{i:D5}";

    private async Task KnowEstablishmentsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await KnowEstablishmentAsync(TaxCode(i));
        }
    }

    private Task<List<string>> TaxCodesOfAsync(string fairId) => WithDbAsync(db =>
        db.Registrations.Where(r => r.FairId == Guid.Parse(fairId)).Select(r => r.TaxCode).ToListAsync());

    private Task<(int Booths, int Allocated)> BoothsOfAsync(string fairId) => WithDbAsync(async db =>
    {
        var id = Guid.Parse(fairId);
        var booths = await db.Fairs.Where(f => f.Id == id).Select(f => f.BoothCount).SingleAsync();
        return (booths, await db.Registrations.Where(r => r.FairId == id).SumAsync(r => r.BoothsAllocated));
    });

    private void Report(string what, int bursts, int broken, IEnumerable<HttpResponseMessage> responses) =>
        output.WriteLine($"{what}: {bursts} bursts, {broken} broken invariants, statuses "
                         + string.Join(", ", Bursts.Statuses(responses).OrderBy(s => s.Key).Select(s => $"{s.Value} × {(int)s.Key}")));

    [Fact]
    public async Task Parallel_registrations_of_different_establishments_are_each_stored_exactly_once()
    {
        await KnowEstablishmentsAsync(Bursts.Size);
        var all = new List<HttpResponseMessage>();
        var broken = 0;
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var fairId = await OpenFairAsync(FairBody(booths: Bursts.Size));

            var responses = await Bursts.RunAsync(Bursts.Size, i => RegisterAsync(fairId, TaxCode(i)));

            all.AddRange(responses);
            await Bursts.AssertNoServerErrorsAsync(responses);
            var stored = await TaxCodesOfAsync(fairId);
            broken += stored.Count == Bursts.Size && stored.Distinct().Count() == Bursts.Size ? 0 : 1;
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            Assert.Equal(Enumerable.Range(0, Bursts.Size).Select(TaxCode).Order(), stored.Order());
            var fair = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}");
            Assert.Equal(Bursts.Size, fair.GetProperty("registrations").GetInt32());
        }
        Report("different establishments", Bursts.Repetitions, broken, all);
    }

    [Fact]
    public async Task Parallel_registrations_of_one_establishment_store_one_and_refuse_the_rest_with_409()
    {
        await KnowEstablishmentAsync(TaxCode(0));
        var all = new List<HttpResponseMessage>();
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var fairId = await OpenFairAsync();

            var responses = await Bursts.RunAsync(Bursts.Size, _ => RegisterAsync(fairId, TaxCode(0)));

            all.AddRange(responses);
            await Bursts.AssertNoServerErrorsAsync(responses);
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(Bursts.Size - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            Assert.Single(await TaxCodesOfAsync(fairId));
        }
        // One announcement of the registration per fair, however many tried.
        Assert.Equal(Bursts.Repetitions, (await EventTypesAsync()).Count(t => t == "FairRegistrationReceived"));
        Report("one establishment", Bursts.Repetitions, 0, all);
    }

    [Fact]
    public async Task Parallel_publications_closings_and_allocations_of_one_fair_let_exactly_one_win()
    {
        await KnowEstablishmentsAsync(3);
        var all = new List<HttpResponseMessage>();
        var broken = 0;
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var fairId = (await CreateFairAsync(FairBody(booths: 4))).GetProperty("id").GetString()!;

            var publications = await Bursts.RunAsync(Bursts.Size, _ => Client.PostAsync($"/api/fairs/{fairId}/publish", null));
            for (var i = 0; i < 3; i++)
            {
                await RegisteredAsync(fairId, TaxCode(i), booths: 2);
            }
            var closings = await Bursts.RunAsync(Bursts.Size, _ => Client.PostAsync($"/api/fairs/{fairId}/close-registration", null));
            var allocations = await Bursts.RunAsync(Bursts.Size, _ => Client.PostAsync($"/api/fairs/{fairId}/allocation", null));

            foreach (var responses in new[] { publications, closings, allocations })
            {
                all.AddRange(responses);
                await Bursts.AssertNoServerErrorsAsync(responses);
                Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
                Assert.Equal(Bursts.Size - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            }
            var (booths, allocated) = await BoothsOfAsync(fairId);
            broken += allocated <= booths ? 0 : 1;
            Assert.Equal((4, 4), (booths, allocated));
            var fair = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}");
            Assert.Equal("Allocated", fair.GetProperty("status").GetString());
        }
        // One announcement per fair and one allocation result per registration, however many tried.
        var types = await EventTypesAsync();
        Assert.Equal(Bursts.Repetitions, types.Count(t => t == "FairScheduled"));
        Assert.Equal(Bursts.Repetitions * 3, types.Count(t => t == "BoothAllocated"));
        Report("publish/close/allocate", Bursts.Repetitions * 3, broken, all);
    }

    [Fact]
    public async Task Parallel_overrides_never_allocate_more_booths_than_the_fair_has()
    {
        await KnowEstablishmentsAsync(3);
        var all = new List<HttpResponseMessage>();
        var broken = 0;
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var fairId = await OpenFairAsync(FairBody(booths: 4));
            var registrations = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                registrations.Add(await RegisteredAsync(fairId, TaxCode(i), booths: 2));
            }
            await PostOkAsync($"/api/fairs/{fairId}/close-registration");
            await PostOkAsync($"/api/fairs/{fairId}/allocation");

            // Each request frees or claims two booths of one registration: any two claims read together
            // would fit alone, so only changes made one after another keep the fair's four booths.
            var responses = await Bursts.RunAsync(Bursts.Size, i => Client.PutAsJsonAsync(
                $"/api/fairs/{fairId}/registrations/{registrations[i % 3]}/allocation",
                new { booths = i % 2 == 0 ? 2 : 0, reason = $"Điều chỉnh {i}" }));

            all.AddRange(responses);
            await Bursts.AssertNoServerErrorsAsync(responses);
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity }));
            var (booths, allocated) = await BoothsOfAsync(fairId);
            broken += allocated <= booths ? 0 : 1;
            Assert.True(allocated <= booths, $"{allocated} booths allocated of {booths}");
            var allocation = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/allocation");
            Assert.Equal(allocated, allocation.GetProperty("boothsAllocated").GetInt32());
            Assert.Equal(1 + responses.Count(r => r.StatusCode == HttpStatusCode.OK), allocation.GetProperty("allocationRevision").GetInt32());
        }
        Report("overrides", Bursts.Repetitions, broken, all);
    }
}
