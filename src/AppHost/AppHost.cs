using KhuyenCong.AppHost.Infrastructure;
using KhuyenCong.AppHost.Production;
using KhuyenCong.AppHost.Replication;
using KhuyenCong.AppHost.Supervision;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// ./kc run --production (Production:Enabled=true): see ProductionMode; null in development.
var production = ProductionMode.From(builder);

var infrastructure = builder.AddPlatformInfrastructure("proposalsdb", "trainingdb", "fairsdb", "productsdb", "reportingdb", "identitydb", "notificationsdb", "webdb");

var proposals = builder.AddProject<Projects.Proposals>("proposals").WithPlatformInfrastructure(infrastructure, "proposalsdb");
var training = builder.AddProject<Projects.Training>("training").WithPlatformInfrastructure(infrastructure, "trainingdb");
var fairs = builder.AddProject<Projects.Fairs>("fairs").WithPlatformInfrastructure(infrastructure, "fairsdb");
var products = builder.AddProject<Projects.Products>("products").WithPlatformInfrastructure(infrastructure, "productsdb");
var reporting = builder.AddProject<Projects.Reporting>("reporting").WithPlatformInfrastructure(infrastructure, "reportingdb");
var identity = builder.AddProject<Projects.Identity>("identity").WithPlatformInfrastructure(infrastructure, "identitydb");
var notifications = builder.AddProject<Projects.Notifications>("notifications").WithPlatformInfrastructure(infrastructure, "notificationsdb");

// Services listen on free ports, reached directly (no orchestrator proxy hop); only the gateway is
// public, on a fixed port.
foreach (var service in new[] { proposals, training, fairs, products, reporting, identity, notifications })
{
    var port = InfrastructureExtensions.PortOrFree(0);
    service.WithEndpoint("http", endpoint =>
    {
        endpoint.IsProxied = false;
        endpoint.Port = port;
        endpoint.TargetPort = port;
    });
    service.WithHttpHealthCheck("/health").WithSupervision();
}

// The web UI, served by the gateway at `/`; it calls the APIs back through the gateway's public address
// (an environment value rather than a reference, since the gateway already references the web app).
var webPort = InfrastructureExtensions.PortOrFree(0);
var web = builder.AddProject<Projects.Web>("web")
    .WithEndpoint("http", endpoint =>
    {
        endpoint.IsProxied = false;
        endpoint.Port = webPort;
        endpoint.TargetPort = webPort;
    })
    .WithHttpHealthCheck("/health")
    .WithSupervision();
// Its sessions and key ring, shared by its instances.
var webDatabase = infrastructure.Database("webdb");
web.WithReference(webDatabase).WaitFor(webDatabase);

var gatewayPort = InfrastructureExtensions.PortOrFree(builder.Configuration.GetValue("Gateway:Port", 8080));
// In production the gateway's public port only redirects to HTTPS; the platform's own callers use a loopback port.
var gatewayInternalPort = production is null ? gatewayPort : InfrastructureExtensions.PortOrFree(0);
var gatewayInside = $"http://localhost:{gatewayInternalPort}/";

// Identity: tokens are obtained through the gateway, so its public URL is their issuer; the first
// administrator's password and the demo data client's secret are secret parameters (.data/local-secrets).
var (adminPassword, demoDataClientSecret) = builder.AddIdentitySecrets();
var issuer = production?.PublicUrl.ToString() ?? $"http://localhost:{gatewayPort}/";
identity
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__RequireHttps", production is null ? "false" : "true")
    .WithEnvironment("Identity__Web__RedirectUris__0", $"{issuer}signin-oidc")
    .WithEnvironment("Identity__Web__PostLogoutRedirectUris__0", issuer)
    .WithEnvironment("Identity__Web__PostLogoutRedirectUris__1", $"{issuer}signout-callback-oidc")
    .WithEnvironment("Identity__Admin__Password", adminPassword)
    .WithEnvironment("Identity__DemoData__ClientSecret", demoDataClientSecret)
    // Scripts and tests trade a user name and password for a token (client kc-cli); Identity:AllowPasswordFlow=false turns it off.
    .WithEnvironment("Identity__AllowPasswordFlow", production is null && builder.Configuration.GetValue("Identity:AllowPasswordFlow", true) ? "true" : "false");

// The operators' dashboard rebuilds the reporting read models; the request carries a token of the
// platform's own client (kc-demodata, a Centre officer), taken from the identity service.
reporting.WithHttpCommand("/api/reports/admin/rebuild", "Rebuild read models", commandOptions: new HttpCommandOptions
{
    Description = "Empties the reporting read models and replays the event ledger into them.",
    ConfirmationMessage = "Rebuild every reporting read model from the event ledger?",
    IconName = "ArrowSync",
    PrepareRequest = async context =>
    {
        var secret = await demoDataClientSecret.Resource.GetValueAsync(context.CancellationToken);
        context.Request.Headers.Authorization = new("Bearer", await PlatformClientToken.RequestAsync(
            context.HttpClient, new Uri(new Uri(gatewayInside), "connect/token"), "kc-demodata", secret!, context.CancellationToken));
    },
});

// The dashboard reconciles Reporting's figures with the owning services' (2014 to a few years ahead).
// The check is for administrators only, so the command signs in as the first administrator, whose
// password the AppHost already holds, rather than widening the check to the platform's own client.
// With the password flow turned off (Identity:AllowPasswordFlow=false) the command reports the refusal.
var reconcileToYear = Math.Max(2030, DateTime.Now.Year + 1);
reporting.WithHttpCommand($"/api/reports/reconciliation?fromYear=2014&toYear={reconcileToYear}", "Đối soát số liệu", commandName: "reconcile", commandOptions: new HttpCommandOptions
{
    Description = "Compares every figure of the reporting read models with the owning services' own figures.",
    Method = HttpMethod.Get,
    IconName = "CheckmarkCircle",
    PrepareRequest = async context =>
    {
        var password = await adminPassword.Resource.GetValueAsync(context.CancellationToken);
        context.Request.Headers.Authorization = new("Bearer", await PlatformClientToken.RequestForUserAsync(
            context.HttpClient, new Uri(new Uri(gatewayInside), "connect/token"), "kc-cli", "admin", password!, context.CancellationToken));
    },
    GetCommandResult = async context =>
    {
        var body = await context.Response.Content.ReadAsStringAsync(context.CancellationToken);
        if (!context.Response.IsSuccessStatusCode)
        {
            return CommandResults.Failure($"Reconciliation answered {(int)context.Response.StatusCode}: {body}");
        }
        using var answer = System.Text.Json.JsonDocument.Parse(body);
        var differences = answer.RootElement.GetProperty("differences");
        return differences.GetArrayLength() == 0
            ? CommandResults.Success("Số liệu khớp: no differences.")
            : CommandResults.Success($"{differences.GetArrayLength()} differences", differences.ToString(), CommandResultFormat.Json, displayImmediately: true);
    },
});

// Every business service validates the tokens itself: the issuer is the public URL, the keys come from
// the identity service found by service discovery (http://identity/).
foreach (var service in new[] { proposals, training, fairs, products, reporting, notifications })
{
    service.WithReference(identity).WithEnvironment("Identity__Issuer", issuer);
}

// Reporting asks the owning services for their figures when an administrator reconciles (and only then).
reporting.WithReference(proposals).WithReference(training).WithReference(fairs).WithReference(products);

// The web UI signs users in with the identity service (code + PKCE) through the gateway's public URL.
web.WithEnvironment("Identity__Authority", issuer);

// Reminders by e-mail: smtp4dev with its web inbox in development, the real SMTP server in production.
builder.AddMailServer(notifications, production is not null, issuer);

// --Replicas=N runs every service and the web UI N times; the gateway's cluster of a service lists every instance
// and balances over the healthy ones (the web UI's sessions and keys are in its database; a browser's circuit stays
// with the instance the gateway's affinity cookie names while that one is healthy).
var replicas = builder.Configuration.GetValue("Replicas", 1);
IReadOnlyList<IResourceBuilder<ProjectResource>>[] instances =
[
    proposals.AddReplicas<Projects.Proposals>(replicas),
    training.AddReplicas<Projects.Training>(replicas),
    fairs.AddReplicas<Projects.Fairs>(replicas),
    products.AddReplicas<Projects.Products>(replicas),
    reporting.AddReplicas<Projects.Reporting>(replicas),
    notifications.AddReplicas<Projects.Notifications>(replicas),
    identity.AddReplicas<Projects.Identity>(replicas),
];
var webInstances = web.AddReplicas<Projects.Web>(replicas);

// The gateway validates tokens as the services do, to count each request against the limit of the
// user its token proves (never of one it merely names).
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithEnvironment("Identity__Issuer", issuer)
    .WithReference(web)
    .WithReference(proposals).WaitFor(proposals)
    .WithReference(training).WaitFor(training)
    .WithReference(fairs).WaitFor(fairs)
    .WithReference(products).WaitFor(products)
    .WithReference(reporting).WaitFor(reporting)
    .WithReference(identity).WaitFor(identity)
    .WithReference(notifications).WaitFor(notifications)
    .WithEndpoint("http", endpoint =>
    {
        endpoint.IsProxied = false;
        endpoint.Port = gatewayInternalPort;
        endpoint.TargetPort = gatewayInternalPort;
    })
    .WithHttpHealthCheck("/health")
    .WithSupervision()
    .WithExternalHttpEndpoints();
web.WithEnvironment("Gateway__Url", gateway.GetEndpoint("http"));
foreach (var service in instances.Append(webInstances))
{
    gateway.WithReplicasOf(service);
}
// The services that call another one find each of its instances too (their own replicas take the same settings):
// every business service asks the identity service for its signing keys, Reporting asks the owners for their figures.
var identityInstances = instances[^1];
foreach (var service in new[] { proposals, training, fairs, products, reporting, notifications })
{
    service.WithReplicasOf(identityInstances);
}
foreach (var owner in instances[..4])
{
    reporting.WithReplicasOf(owner);
}

// Rate and size limits of the gateway may be set on the AppHost (Gateway:Protection:*), e.g. by benchmarks.
// Everything runs on this machine, so the web UI's server and the demo data loader call the gateway
// from the loopback address: the per-IP limit is for callers from elsewhere; the per-user limit
// applies to every person, not to the loader.
gateway.WithEnvironment("Gateway__Protection__ExemptAddresses__0", "127.0.0.1")
    .WithEnvironment("Gateway__Protection__ExemptAddresses__1", "::1")
    // The demo data loader sends thousands of requests in a few minutes as one client.
    .WithEnvironment("Gateway__Protection__ExemptClients__0", "kc-demodata");
foreach (var setting in builder.Configuration.GetSection("Gateway:Protection").AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
{
    gateway.WithEnvironment($"Gateway__Protection__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}", setting.Value);
}

// The demo data set, loaded through the gateway once the platform is up; DemoData:Enabled=false skips it.
if (builder.Configuration.GetValue("DemoData:Enabled", true))
{
    builder.AddProject<Projects.DemoData>("demodata").WithReference(gateway).WaitFor(gateway)
        .WithEnvironment("DemoData__ClientSecret", demoDataClientSecret)
        // The appraisers' accounts are made as the first administrator; each appraiser then signs in to score.
        .WithEnvironment("DemoData__AdminPassword", adminPassword);
}

if (production is not null)
{
    production.Apply(builder, gateway, gatewayPort, gatewayInternalPort);
    Console.WriteLine(production.Summary());
}

builder.Build().Run();
