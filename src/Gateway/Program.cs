using KhuyenCong.Gateway.Protection;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// The gateway validates tokens too, but only to know whose rate limit a request counts against; the
// services decide what a caller may do.
builder.AddPlatformAuthentication();
// While the identity service's keys cannot be fetched, a request waits at most this long before it is
// counted against its address instead (the services then answer for the token).
builder.Services.AddOpenIddict().AddValidation(validation => validation.UseSystemNetHttp()
    .ConfigureHttpClient(http => http.Timeout = builder.Configuration.GetValue("Gateway:KeyFetchTimeout", TimeSpan.FromSeconds(2))));
builder.AddGatewayProtection();
builder.AddHttpsRedirection();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UsePublicHttpsRedirection();
app.UseGatewayProtection();
app.UseServiceDefaults();
app.MapReverseProxy();
app.MapHealthEndpoints();

app.Run();

public partial class Program;
