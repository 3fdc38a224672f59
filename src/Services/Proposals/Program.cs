using KhuyenCong.Platform.Papers;
using KhuyenCong.Proposals.Api;
using KhuyenCong.Proposals.Extensions;
using KhuyenCong.Proposals.Papers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Again here: the OpenAPI source generator puts this assembly's XML comments (the handlers' summaries)
// into the document only where AddOpenApi is called.
builder.Services.AddOpenApi();
builder.AddPlatformAuthentication();
builder.AddProposalsServices();
builder.AddPapers();

var app = builder.Build();

app.UseServiceDefaults();
app.MapProposalsApi();
app.MapImplementationApi();
app.MapEstablishmentsApi();
app.MapReferenceApi();
app.MapProposalFiguresApi();
app.MapBudgetApi();
app.MapCallsApi();
app.MapPlansApi();
app.MapNationalSubmissionsApi();
app.MapUnitConsolidationsApi();
app.MapProposalAttachmentsApi();
app.MapProposalPapersApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
