using KhuyenCong.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddPlatformInfrastructure("proposalsdb", "trainingdb", "fairsdb", "productsdb", "reportingdb");

var proposals = builder.AddProject<Projects.Proposals>("proposals").WithPlatformInfrastructure(infrastructure, "proposalsdb");
var training = builder.AddProject<Projects.Training>("training").WithPlatformInfrastructure(infrastructure, "trainingdb");
var fairs = builder.AddProject<Projects.Fairs>("fairs").WithPlatformInfrastructure(infrastructure, "fairsdb");
var products = builder.AddProject<Projects.Products>("products").WithPlatformInfrastructure(infrastructure, "productsdb");
var reporting = builder.AddProject<Projects.Reporting>("reporting").WithPlatformInfrastructure(infrastructure, "reportingdb")
    .WithHttpCommand("/api/reports/admin/rebuild", "Rebuild read models", commandOptions: new HttpCommandOptions
    {
        Description = "Empties the reporting read models and replays the event ledger into them.",
        ConfirmationMessage = "Rebuild every reporting read model from the event ledger?",
        IconName = "ArrowSync",
    });

// Services listen on free ports, reached directly (no orchestrator proxy hop); only the gateway is
// public, on a fixed port.
foreach (var service in new[] { proposals, training, fairs, products, reporting })
{
    var port = InfrastructureExtensions.PortOrFree(0);
    service.WithEndpoint("http", endpoint =>
    {
        endpoint.IsProxied = false;
        endpoint.Port = port;
        endpoint.TargetPort = port;
    });
    service.WithHttpHealthCheck("/health");
}

var gatewayPort = InfrastructureExtensions.PortOrFree(builder.Configuration.GetValue("Gateway:Port", 8080));
builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(proposals).WaitFor(proposals)
    .WithReference(training).WaitFor(training)
    .WithReference(fairs).WaitFor(fairs)
    .WithReference(products).WaitFor(products)
    .WithReference(reporting).WaitFor(reporting)
    .WithEndpoint("http", endpoint =>
    {
        endpoint.IsProxied = false;
        endpoint.Port = gatewayPort;
        endpoint.TargetPort = gatewayPort;
    })
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
