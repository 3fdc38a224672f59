using KhuyenCong.Platform.Papers;
using KhuyenCong.Reporting.Api;
using KhuyenCong.Reporting.Extensions;
using KhuyenCong.Reporting.Papers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddPlatformAuthentication();
builder.AddReportingServices();
builder.AddPapers();

var app = builder.Build();

app.UseServiceDefaults();
app.MapReportsApi();
app.MapMinistryReportApi();
app.MapReconciliationApi();
app.MapBriefApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
