using KhuyenCong.Proposals.Api;
using KhuyenCong.Proposals.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddProposalsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapProposalsApi();
app.MapImplementationApi();
app.MapEstablishmentsApi();
app.MapReferenceApi();
app.MapProposalFiguresApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
