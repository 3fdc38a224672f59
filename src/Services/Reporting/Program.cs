using KhuyenCong.Reporting.Api;
using KhuyenCong.Reporting.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddReportingServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapReportsApi();
app.MapReconciliationApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
