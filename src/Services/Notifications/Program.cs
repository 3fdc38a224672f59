using KhuyenCong.Notifications.Api;
using KhuyenCong.Notifications.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddPlatformAuthentication();
builder.AddNotificationsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapTasksApi();
app.MapPreferencesApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
