using KhuyenCong.Fairs.Api;
using KhuyenCong.Fairs.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddFairsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapFairsApi();
app.MapSupportNormsApi();
app.MapRegistrationsApi();
app.MapFairFiguresApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
