using KhuyenCong.DemoData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// Loads the demo data set through the gateway and exits, acting as the kc-demodata client (an officer of
// the Centre), as the first administrator for the appraisers' accounts, and as each appraiser for their own
// score sheets. The AppHost passes the gateway's address (services:gateway:http:0), the client's secret
// (DemoData:ClientSecret) and the administrator's password (DemoData:AdminPassword); elsewhere give
// --Gateway=http://localhost:8080 --DemoData:ClientSecret=… --DemoData:AdminPassword=….
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var gateway = configuration["Gateway"] ?? configuration["services:gateway:http:0"]
    ?? throw new InvalidOperationException("Where is the gateway? Give --Gateway=http://host:port.");

using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
var logger = loggers.CreateLogger<DemoLoader>();
var secret = configuration["DemoData:ClientSecret"]
    ?? throw new InvalidOperationException("The demo data client's secret is missing: give --DemoData:ClientSecret=… (line 4 of .data/local-secrets).");
using var http = new HttpClient(new ClientCredentials(new Uri(gateway), "kc-demodata", secret, TimeProvider.System))
{
    BaseAddress = new Uri(gateway),
    Timeout = TimeSpan.FromSeconds(60),
};
var adminPassword = configuration["DemoData:AdminPassword"]
    ?? throw new InvalidOperationException("The first administrator's password is missing: give --DemoData:AdminPassword=… (line 3 of .data/local-secrets).");
using var admin = new HttpClient(new PersonTokens(new Uri(gateway), configuration["DemoData:AdminUserName"] ?? "admin", adminPassword, TimeProvider.System))
{
    BaseAddress = new Uri(gateway),
    Timeout = TimeSpan.FromSeconds(60),
};
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

try
{
    logger.LogInformation("Loading the demo data set through {Gateway}", gateway);
    await new DemoLoader(http, admin, new Uri(gateway), logger, TimeProvider.System).LoadAsync(stop.Token);
    return 0;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    logger.LogError(e, "Loading the demo data failed; running it again resumes where it stopped");
    return 1;
}
