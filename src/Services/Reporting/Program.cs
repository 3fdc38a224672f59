using KhuyenCong.Reporting.Api;
using KhuyenCong.Reporting.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddPlatformAuthentication();
builder.AddReportingServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapReportsApi();
app.MapMinistryReportApi();
app.MapReconciliationApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
