using KhuyenCong.Training.Api;
using KhuyenCong.Training.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddTrainingServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapTrainingApi();
app.MapTrainingFiguresApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
