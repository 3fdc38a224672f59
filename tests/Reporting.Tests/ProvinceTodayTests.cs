using KhuyenCong.Contracts.Products;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// Reports measure "today" as a calendar day in the province (UTC+7), whatever the server's time zone:
/// at 18:30 UTC on 30 June it is already 1 July in Viet Nam.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ProvinceTodayTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly DateTimeOffset LateEveningUtc = new(2026, 6, 30, 18, 30, 0, TimeSpan.Zero);
    private ReportingHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ReportingHost(postgres, rabbit, new FakeTimeProvider(LateEveningUtc));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ProductRecognized Recognition(string taxCode, DateOnly expiresOn) => new()
    {
        CertificateId = Guid.NewGuid(),
        CertificateNumber = $"SP-2023-{taxCode}",
        Level = RecognitionLevel.District,
        CompetitionYear = 2023,
        EstablishmentTaxCode = taxCode,
        ProductName = "Chè Hải Hà",
        Group = ProductGroup.Other,
        District = "Hải Hà",
        AverageScore = 75m,
        IssuedOn = new DateOnly(2023, 7, 1),
        ExpiresOn = expiresOn,
    };

    [Fact]
    public async Task Valid_and_expiring_certificates_are_counted_by_the_date_in_Viet_Nam()
    {
        await _host.PublishTwiceAsync([
            Recognition("5700000001", new DateOnly(2026, 6, 30)),
            Recognition("5700000002", new DateOnly(2026, 9, 29)),
        ]);
        await _host.DrainAsync();

        var figures = (await _host.GetJsonAsync("/api/reports/products")).GetProperty("total").GetProperty("figures");

        Assert.Equal(2, figures.GetProperty("recognised").GetInt64());
        // On 1 July the certificate that ran to 30 June has lapsed; the one running to 29 September is 90 days off.
        Assert.Equal(1, figures.GetProperty("validCertificates").GetInt64());
        Assert.Equal(1, figures.GetProperty("expiringWithin90Days").GetInt64());
    }
}
