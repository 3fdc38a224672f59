using Microsoft.Extensions.Logging;

namespace KhuyenCong.DemoData;

/// <summary>
/// Loads the demo data set through the gateway, as an officer would, so every figure travels the real
/// path (service → outbox → RabbitMQ → reporting). It can run again at any time: each area finds what
/// exists and takes it on from where it stands, so a second run adds nothing.
/// </summary>
public sealed class DemoLoader(HttpClient http, HttpClient admin, Uri gatewayAddress, ILogger<DemoLoader> logger, TimeProvider time)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var gateway = new GatewayClient(http);
        var appraisers = new AppraisersLoader(admin, gatewayAddress, logger, time);
        var council = await appraisers.LoadAsync(cancellationToken);
        // Courses of content groups 1 and 2 come from the proposals' approvals; fairs rank by the certificates the competitions grant.
        await new ProposalsLoader(gateway, council, logger, time).LoadAsync(cancellationToken);
        await Task.WhenAll(
            new TrainingLoader(gateway, logger).LoadAsync(cancellationToken),
            ProductsThenFairsAsync(gateway, appraisers, cancellationToken));
        logger.LogInformation("Demo data loaded");
    }

    private async Task ProductsThenFairsAsync(GatewayClient gateway, AppraisersLoader appraisers, CancellationToken cancellationToken)
    {
        var jury = await appraisers.LoadAsync(ProductsPlan.Jurors, "/api/products/appraisers", "Products", cancellationToken);
        await new ProductsLoader(gateway, jury, logger).LoadAsync(cancellationToken);
        await new FairsLoader(gateway, logger).LoadAsync(cancellationToken);
    }
}
