using KhuyenCong.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.Reporting.Tests;

/// <summary>Bad input generated from every operation of the OpenAPI document: never a 5xx, every error ProblemDetails.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileSweepTests(PostgresServer postgres, RabbitMqServer rabbit, ITestOutputHelper output)
{
    [Fact]
    public async Task Hostile_input_on_every_operation_is_refused_with_problem_details()
    {
        await using var host = new ReportingHost(postgres, rabbit);
        output.WriteLine(await new HostileSweep(host.ClientAs(TestUser.Admin)).RunCleanAsync(atLeast: 100));
    }
}
