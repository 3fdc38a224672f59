using KhuyenCong.Training.Api;
using KhuyenCong.Training.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTrainingServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapTrainingApi();
app.MapTrainingFiguresApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
