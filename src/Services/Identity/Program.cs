using KhuyenCong.Identity.Api;
using KhuyenCong.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();

app.UseIdentityServer();
app.MapConnectEndpoints();
app.MapAccountPages();
app.MapUsersApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
