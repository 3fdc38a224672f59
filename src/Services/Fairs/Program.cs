using KhuyenCong.Fairs.Api;
using KhuyenCong.Fairs.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddPlatformAuthentication();
builder.AddFairsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapFairsApi();
app.MapSupportNormsApi();
app.MapRegistrationsApi();
app.MapFairAttachmentsApi();
app.MapFairFiguresApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
