using KhuyenCong.Platform.Papers;
using KhuyenCong.Products.Api;
using KhuyenCong.Products.Extensions;
using KhuyenCong.Products.Papers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddPlatformAuthentication();
builder.AddProductsServices();
builder.AddPapers();

var app = builder.Build();

app.UseServiceDefaults();
app.MapProductsApi();
app.MapProductFiguresApi();
app.MapProductPapersApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
