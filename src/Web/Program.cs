using KhuyenCong.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSignIn();
builder.AddGatewayClient();
builder.AddWebUi();

var app = builder.Build();

app.UseWebUi();
app.MapWebUi();
app.MapHealthEndpoints();

app.Run();
