using System.Net;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>Who reads the reports and who rebuilds them.</summary>
[Collection(ServersCollection.Name)]
public sealed class AuthorizationTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private ReportingHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ReportingHost(postgres, rabbit);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Every_endpoint_declares_an_authorization_policy() =>
        EndpointPolicies.AssertEveryEndpointDeclaresAPolicy(_host.Services);

    [Theory]
    [InlineData("/api/reports/summary")]
    [InlineData("/api/reports/proposals")]
    [InlineData("/api/reports/periods?year=2020")]
    public async Task Without_a_token_no_report_is_read(string path)
    {
        using var response = await _host.AnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Leader", HttpStatusCode.OK)]
    [InlineData("Officer", HttpStatusCode.OK)]
    [InlineData("Admin", HttpStatusCode.OK)]
    [InlineData("DistrictOfficer", HttpStatusCode.OK)]
    [InlineData("Appraiser", HttpStatusCode.Forbidden)]
    [InlineData("Establishment", HttpStatusCode.Forbidden)]
    public async Task Leaders_the_Centre_and_district_officers_read_the_reports(string role, HttpStatusCode expected)
    {
        using var response = await _host.ClientAs(new TestUser(role, TaxCode: "5700100001", UnitCode: "dong-trieu", District: "Đông Triều")).GetAsync("/api/reports/proposals?groupBy=year");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("Leader")]
    [InlineData("DistrictOfficer")]
    public async Task Only_the_Centre_rebuilds_the_read_models(string role)
    {
        using var refused = await _host.ClientAs(new TestUser(role, UnitCode: "dong-trieu")).PostAsync("/api/reports/admin/rebuild", null);
        using var done = await _host.ClientAs(TestUser.Officer).PostAsync("/api/reports/admin/rebuild", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }
}
