using KhuyenCong.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.Fairs.Tests;

/// <summary>Bad input generated from every operation of the OpenAPI document: never a 5xx, every error ProblemDetails, nothing written.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileSweepTests(PostgresServer postgres, RabbitMqServer rabbit, ITestOutputHelper output) : FairsApp(postgres, rabbit)
{
    [Fact]
    public async Task Hostile_input_on_every_operation_is_refused_with_problem_details_and_writes_nothing()
    {
        var before = await CountsAsync();
        output.WriteLine(await new HostileSweep(ClientAs(TestUser.Admin)).RunCleanAsync(atLeast: 300));
        Assert.Equal(before, await CountsAsync());
    }
}
