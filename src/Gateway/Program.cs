using KhuyenCong.Gateway.Protection;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayProtection();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseGatewayProtection();
app.UseServiceDefaults();
app.MapReverseProxy();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
