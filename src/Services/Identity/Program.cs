using KhuyenCong.Identity.Api;
using KhuyenCong.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddIdentityServices();

var app = builder.Build();

app.UseIdentityServer();
app.MapConnectEndpoints();
app.MapAccountPages();
app.MapUsersApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
