using KhuyenCong.Platform.Papers;
using KhuyenCong.Training.Api;
using KhuyenCong.Training.Extensions;
using KhuyenCong.Training.Papers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddTrainingServices();
builder.AddPapers();

var app = builder.Build();

app.UseServiceDefaults();
app.MapTrainingApi();
app.MapTrainingFiguresApi();
app.MapTrainingPapersApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
