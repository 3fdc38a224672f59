using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.Training.Tests;

/// <summary>Bad input generated from every operation of the OpenAPI document: never a 5xx, every error ProblemDetails, nothing written.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileSweepTests(PostgresServer postgres, RabbitMqServer rabbit, ITestOutputHelper output)
{
    [Fact]
    public async Task Hostile_input_on_every_operation_is_refused_with_problem_details_and_writes_nothing()
    {
        await using var app = new TrainingApp(postgres, rabbit);
        output.WriteLine(await new HostileSweep(app.ClientAs(TestUser.Admin)).RunCleanAsync(atLeast: 300));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}
