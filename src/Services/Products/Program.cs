using KhuyenCong.Products.Api;
using KhuyenCong.Products.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddProductsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapProductsApi();
app.MapProductFiguresApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
