using System.Net;
using System.Net.Http.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>A command sent again with its <c>Idempotency-Key</c> takes effect once and gets the first answer again.</summary>
[Collection(ServersCollection.Name)]
public sealed class IdempotencyTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private Task<HttpResponseMessage> PostWithKeyAsync(string path, object body, string key) =>
        Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }.WithKey(key));

    private static async Task AssertSameAnswersAsync(IReadOnlyList<HttpResponseMessage> responses)
    {
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Created),
            string.Join("\n", responses.Zip(bodies).Where(x => x.First.StatusCode != HttpStatusCode.Created).Select(x => $"{(int)x.First.StatusCode}: {x.Second}")));
        Assert.Single(bodies.Distinct());
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.NotNull(responses[0].Headers.Location);
        Assert.Equal(responses.Count - 1, responses.Count(r => r.Headers.TryGetValues("Idempotent-Replayed", out var v) && v.Single() == "true"));
    }

    [Fact]
    public async Task A_fair_created_twice_with_one_key_is_created_once_and_answered_the_same()
    {
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync("/api/fairs", FairBody(), key);
        var second = await PostWithKeyAsync("/api/fairs", FairBody(), key);

        await AssertSameAnswersAsync([first, second]);
        Assert.Equal((1, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_fair_created_by_a_burst_with_one_key_is_created_once()
    {
        var key = Guid.NewGuid().ToString();

        var responses = await Bursts.RunAsync(Bursts.Size, _ => PostWithKeyAsync("/api/fairs", FairBody(), key));

        await Bursts.AssertNoServerErrorsAsync(responses);
        await AssertSameAnswersAsync(responses);
        Assert.Equal((1, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_registration_sent_twice_and_by_a_burst_with_one_key_is_stored_once()
    {
        await KnowEstablishmentAsync("5700000001");
        await KnowEstablishmentAsync("5700000002");
        var fairId = await OpenFairAsync();
        var path = $"/api/fairs/{fairId}/registrations";
        var sequentialKey = Guid.NewGuid().ToString();
        var burstKey = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(path, RegistrationBody("5700000001"), sequentialKey);
        var second = await PostWithKeyAsync(path, RegistrationBody("5700000001"), sequentialKey);
        var burst = await Bursts.RunAsync(Bursts.Size, _ => PostWithKeyAsync(path, RegistrationBody("5700000002"), burstKey));

        await AssertSameAnswersAsync([first, second]);
        await Bursts.AssertNoServerErrorsAsync(burst);
        await AssertSameAnswersAsync(burst);
        Assert.StartsWith($"/api/fairs/{fairId}/registrations/", first.Headers.Location!.ToString());
        var counts = await CountsAsync();
        Assert.Equal((1, 2), (counts.Fairs, counts.Registrations));
    }

    [Fact]
    public async Task A_key_sent_again_with_another_body_is_a_422_and_writes_nothing_more()
    {
        await KnowEstablishmentAsync("5700000001");
        await KnowEstablishmentAsync("5700000002");
        var fairId = await OpenFairAsync();
        var key = Guid.NewGuid().ToString();
        await PostWithKeyAsync($"/api/fairs/{fairId}/registrations", RegistrationBody("5700000001"), key);

        var reused = await PostWithKeyAsync($"/api/fairs/{fairId}/registrations", RegistrationBody("5700000002"), key);
        var otherFair = await PostWithKeyAsync("/api/fairs", FairBody(name: "Hội chợ khác"), key);

        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "/errors/idempotency-key-reused");
        await AssertProblemAsync(otherFair, HttpStatusCode.UnprocessableEntity, "/errors/idempotency-key-reused");
        var counts = await CountsAsync();
        Assert.Equal((1, 1), (counts.Fairs, counts.Registrations));
    }
}
