using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.SystemTests;

/// <summary>
/// Every operation of every service's OpenAPI document, called through the gateway without a token and
/// with a real token of each role, answers as the access table below says: 401 without a token, 403
/// for a role the operation is not for, and neither for a role it is for. Then the scoped roles read
/// records of their own establishment or unit, and get 404 for everyone else's.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class AuthorizationMatrixTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] Services = ["proposals", "training", "fairs", "products", "reporting", "notifications", "identity"];

    /// <summary>Who may call each operation (by operation id), as the programme's roles are meant to work.</summary>
    private static readonly Dictionary<string, Access> Table = new()
    {
        // Establishment registry and proposals
        ["RegisterEstablishment"] = Access.Propose,
        ["SearchEstablishments"] = Access.Read,
        ["GetEstablishment"] = Access.Read,
        ["UpdateEstablishment"] = Access.Propose,
        ["CreateProposal"] = Access.Propose,
        ["ListProposals"] = Access.Read,
        ["ListFollowUps"] = Access.Read,
        ["GetProposal"] = Access.Read,
        ["UpdateProposal"] = Access.Propose,
        ["GetProposalHistory"] = Access.Read,
        ["AttachProposalFile"] = Access.Propose,
        ["ListProposalAttachments"] = Access.Read,
        ["DownloadProposalAttachment"] = Access.Read,
        ["DownloadProposalAttachmentThumbnail"] = Access.Read,
        ["WithdrawProposalAttachment"] = Access.Propose,
        ["PrintApprovalDecision"] = Access.Read,
        ["PrintAppraisalSummary"] = Access.Read,
        ["PrintScoreSheet"] = Access.Read,
        ["SubmitProposal"] = Access.Propose,
        ["StartAppraisal"] = Access.Manage,
        ["ScoreAppraisal"] = Access.Appraise,
        ["DeclareAppraisalConflict"] = Access.Appraise,
        ["ListProposalAppraisers"] = Access.Appraise,
        ["OverridePriorityArea"] = Access.Manage,
        ["CompleteAppraisal"] = Access.Manage,
        ["ReturnProposalForRevision"] = Access.Manage,
        ["RejectProposal"] = Access.Manage,
        ["ApproveProposal"] = Access.Manage,
        ["StartImplementation"] = Access.Manage,
        ["RecordPayment"] = Access.Manage,
        ["AcceptProposal"] = Access.Manage,
        ["SettleProposal"] = Access.Manage,
        ["CloseProposal"] = Access.Manage,
        ["CancelProposal"] = Access.Manage,
        ["GetProposalFigures"] = Access.Admin,
        ["RecordFollowUp"] = Access.Manage,
        ["RecordProgressReport"] = Access.Manage,
        ["ListOverdueProgressReports"] = Access.Read,
        ["AmendProposal"] = Access.Manage,
        ["RecordRefund"] = Access.Manage,
        ["ListRefundsDue"] = Access.Read,
        ["ListOverdueSettlements"] = Access.Read,
        ["ListAdministrativeUnits"] = Access.Read,
        ["PutAdministrativeUnit"] = Access.Manage,
        ["ListSupportNorms"] = Access.Read,
        ["AddSupportNorm"] = Access.Admin,
        ["AddPriorityAreaStatus"] = Access.Admin,
        ["ListManagementCostNorms"] = Access.Read,
        ["AddManagementCostNorm"] = Access.Admin,
        ["ListAdvanceRates"] = Access.Read,
        ["AddAdvanceRate"] = Access.Admin,
        ["ListBudgetEnvelopes"] = Access.Report,
        ["GetBudgetEnvelope"] = Access.Report,
        ["AllocateBudget"] = Access.Manage,
        ["ChangeBudgetEnvelope"] = Access.Manage,
        ["ListCalls"] = Access.Read,
        ["GetCall"] = Access.Read,
        ["OpenCall"] = Access.Manage,
        ["CloseCall"] = Access.Manage,
        ["ReopenCall"] = Access.Manage,
        ["ListPlans"] = Access.Report,
        ["GetPlan"] = Access.Report,
        ["CompilePlan"] = Access.Manage,
        ["ApprovePlanVersion"] = Access.Manage,
        ["ListNationalSubmissions"] = Access.Report,
        ["GetNationalSubmission"] = Access.Report,
        ["PrepareNationalSubmission"] = Access.Manage,
        ["RefreshNationalSubmission"] = Access.Manage,
        ["CheckNationalDossier"] = Access.Manage,
        ["SubmitNationalSubmission"] = Access.Manage,
        ["ListUnitConsolidations"] = Access.Report,
        ["GetUnitConsolidation"] = Access.Report,
        ["PrepareUnitConsolidation"] = Access.Consolidate,
        ["AssessConsolidationItem"] = Access.Consolidate,
        ["SendUnitConsolidation"] = Access.Consolidate,
        ["RecordMinistryDecision"] = Access.Manage,

        // Training: courses are for every signed-in role; rosters and trainees (personal data) for officers
        ["ListCourses"] = Access.Read,
        ["GetTrainingFigures"] = Access.Admin,
        ["GetCourse"] = Access.Read,
        ["GetCourseHistory"] = Access.Read,
        ["AttachCourseFile"] = Access.Manage,
        ["ListCourseAttachments"] = Access.Read,
        ["DownloadCourseAttachment"] = Access.Read,
        ["DownloadCourseAttachmentThumbnail"] = Access.Read,
        ["WithdrawCourseAttachment"] = Access.Manage,
        ["PlanCourse"] = Access.Manage,
        ["ReviseCourse"] = Access.Manage,
        ["OpenCourse"] = Access.Manage,
        ["StartCourse"] = Access.Manage,
        ["CompleteCourse"] = Access.Manage,
        ["CancelCourse"] = Access.Manage,
        ["GetCourseRoster"] = Access.Manage,
        ["EnrolTrainee"] = Access.Manage,
        ["WithdrawTrainee"] = Access.Manage,
        ["RecordSession"] = Access.Manage,
        ["CorrectAttendance"] = Access.Manage,
        ["IssueCertificates"] = Access.Manage,
        ["PrintTrainingCertificate"] = Access.Manage,
        ["RecordEmployment"] = Access.Manage,
        ["ExportCourseRoster"] = Access.Manage,
        ["RegisterTrainee"] = Access.Manage,
        ["ListTrainees"] = Access.Manage,
        ["GetTrainee"] = Access.Manage,

        // Typical rural industrial products: the catalogue is public
        ["SearchCatalogue"] = Access.Public,
        ["GetProductFigures"] = Access.Admin,
        ["GetCataloguePhoto"] = Access.Public,
        ["GetCataloguePhotoThumbnail"] = Access.Public,
        ["ListCertificates"] = Access.Read,
        ["GetCertificate"] = Access.Read,
        ["PrintCertificate"] = Access.Read,
        ["RevokeCertificate"] = Access.Manage,
        ["RecordHolderReport"] = Access.Propose,
        ["ListHolderReportsDue"] = Access.Read,
        ["ListDistrictRounds"] = Access.Read,
        ["RecordDistrictRound"] = Access.Manage,
        ["CreateCompetition"] = Access.Manage,
        ["ListCompetitions"] = Access.Read,
        ["GetCompetition"] = Access.Read,
        ["GetCompetitionHistory"] = Access.Read,
        ["AttachCompetitionFile"] = Access.Manage,
        ["ListCompetitionAttachments"] = Access.Read,
        ["DownloadCompetitionAttachment"] = Access.Read,
        ["DownloadCompetitionAttachmentThumbnail"] = Access.Read,
        ["WithdrawCompetitionAttachment"] = Access.Manage,
        ["SetCompetitionCouncil"] = Access.Manage,
        ["OpenCompetition"] = Access.Manage,
        ["StartScoring"] = Access.Manage,
        ["GetResults"] = Access.Read,
        ["PublishResults"] = Access.Manage,
        ["FileComplaint"] = Access.Propose,
        ["ListComplaints"] = Access.Read,
        ["OrderRescore"] = Access.Manage,
        ["AnswerComplaint"] = Access.Manage,
        ["CloseCompetition"] = Access.Manage,
        ["RegisterEntry"] = Access.Propose,
        ["ListEntries"] = Access.Read,
        ["ListEstablishmentEntries"] = Access.Read,
        ["GetEntry"] = Access.Read,
        ["AttachEntryFile"] = Access.Propose,
        ["ListEntryAttachments"] = Access.Read,
        ["DownloadEntryAttachment"] = Access.Read,
        ["DownloadEntryAttachmentThumbnail"] = Access.Read,
        ["WithdrawEntryAttachment"] = Access.Propose,
        ["SubmitEntry"] = Access.Propose,
        ["ScoreEntry"] = Access.Appraise,
        ["DeclareJuryConflict"] = Access.Appraise,
        ["ListJuryAppraisers"] = Access.Appraise,

        // Fairs
        ["CreateFair"] = Access.Manage,
        ["ListFairs"] = Access.Read,
        ["GetFairFigures"] = Access.Admin,
        ["GetFair"] = Access.Read,
        ["GetFairHistory"] = Access.Read,
        ["AttachFairFile"] = Access.Manage,
        ["ListFairAttachments"] = Access.Read,
        ["DownloadFairAttachment"] = Access.Read,
        ["DownloadFairAttachmentThumbnail"] = Access.Read,
        ["WithdrawFairAttachment"] = Access.Manage,
        ["UpdateFair"] = Access.Manage,
        ["PublishFair"] = Access.Manage,
        ["CloseFairRegistration"] = Access.Manage,
        ["AllocateBooths"] = Access.Manage,
        ["GetAllocation"] = Access.Read,
        ["ListEstablishmentFairRegistrations"] = Access.Read,
        ["MarkFairHeld"] = Access.Manage,
        ["GetFairOutcomes"] = Access.Read,
        ["CloseFair"] = Access.Manage,
        ["CancelFair"] = Access.Manage,
        ["RegisterForFair"] = Access.Propose,
        ["ListFairRegistrations"] = Access.Read,
        ["GetFairRegistration"] = Access.Read,
        ["OverrideAllocation"] = Access.Manage,
        ["RecordFairOutcome"] = Access.Manage,
        ["ListFairSupportNorms"] = Access.Read,
        ["CreateFairSupportNorm"] = Access.Admin,

        // Reports
        ["GetProgrammeSummary"] = Access.Report,
        ["PrintLeadersBrief"] = Access.Report,
        ["GetProposalsReport"] = Access.Report,
        ["GetOutcomesReport"] = Access.Report,
        ["GetFollowUpsReport"] = Access.Report,
        ["GetTrainingReport"] = Access.Report,
        ["GetFairsReport"] = Access.Report,
        ["GetProductsReport"] = Access.Report,
        ["GetPeriodReport"] = Access.Report,
        ["GetMinistryReport"] = Access.Report,
        ["RebuildReadModels"] = Access.Manage,
        ["ReconcileFigures"] = Access.Admin,

        // Tasks: every role asks for its own (each sees what its role and scope call for)
        ["ListTasks"] = Access.Read,
        ["CountTasks"] = Access.Read,
        ["GetNotificationPreferences"] = Access.Read,
        ["SetNotificationPreferences"] = Access.Read,
        // The link in every reminder: it works without signing in (the signed token names the account).
        ["Unsubscribe"] = Access.Public,
        ["UnsubscribeOneClick"] = Access.Public,

        // Users
        ["GetCurrentUser"] = Access.Read,
        ["CreateUser"] = Access.Admin,
        ["ListUsers"] = Access.Admin,
        ["GetUser"] = Access.Admin,
        ["UpdateUser"] = Access.Admin,
        ["LockUser"] = Access.Admin,
        ["UnlockUser"] = Access.Admin,
        ["ResetUserPassword"] = Access.Admin,
        ["RepublishUsers"] = Access.Admin,
    };

    [Fact]
    public async Task Every_operation_of_every_service_answers_each_role_as_the_access_table_says()
    {
        var operations = await OperationsAsync();
        var unlisted = operations.Where(o => !Table.ContainsKey(o.Id)).Select(o => $"{o.Id} ({o.Method} {o.Path})").ToList();
        Assert.True(unlisted.Count == 0, "Operations missing from the access table: " + string.Join("; ", unlisted));
        var stale = Table.Keys.Except(operations.Select(o => o.Id)).ToList();
        Assert.True(stale.Count == 0, "Access table rows for operations no service has: " + string.Join(", ", stale));

        var users = PlatformAccounts.OnePerRole("5700999001", "dong-trieu");
        var clients = users.ToDictionary(u => u.Role, u => platform.Accounts.ClientFor(u));
        var wrong = new List<string>();
        var calls = 0;
        foreach (var operation in operations)
        {
            var access = Table[operation.Id];
            var anonymous = await CallAsync(platform.Anonymous, operation);
            calls++;
            if (access == Access.Public ? anonymous.Status is 401 or 403 : anonymous.Status != 401)
            {
                wrong.Add($"{operation} anonymous: {anonymous}");
            }
            if (access == Access.Public)
            {
                continue;
            }
            foreach (var role in PlatformRoles.All)
            {
                var answer = await CallAsync(clients[role], operation);
                calls++;
                var allowed = RolesOf(access).Contains(role);
                var refusedByPolicy = answer.Status == 401 || (answer.Status == 403 && answer.Type != "/errors/out-of-scope");
                if (allowed == refusedByPolicy)
                {
                    wrong.Add($"{operation} {role} ({(allowed ? "allowed" : "not allowed")}): {answer}");
                }
            }
        }
        output.WriteLine($"{operations.Count} operations, {calls} calls");
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from the access table:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Scoped_roles_read_their_own_records_and_get_404_for_the_others()
    {
        await platform.DemoDataLoadedAsync();
        var proposals = (await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/proposals?pageSize=200&year=2020")).GetProperty("items").EnumerateArray().ToList();
        var mine = proposals[0];
        var myTaxCode = mine.GetProperty("leadTaxCode").GetString()!;
        var myProposal = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{mine.GetProperty("id").GetString()}");
        var myUnit = myProposal.GetProperty("administrativeUnitCode").GetString()!;
        JsonElement theirs = default, theirProposal = default;
        foreach (var candidate in proposals.Where(p => p.GetProperty("leadTaxCode").GetString() != myTaxCode))
        {
            theirProposal = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{candidate.GetProperty("id").GetString()}");
            if (!theirProposal.GetProperty("beneficiaries").EnumerateArray().Any(b => b.GetProperty("taxCode").GetString() == myTaxCode))
            {
                theirs = candidate;
                break;
            }
        }
        Assert.Equal(JsonValueKind.Object, theirs.ValueKind);
        var theirUnitDiffers = theirProposal.GetProperty("administrativeUnitCode").GetString() != myUnit;

        var establishment = platform.Accounts.ClientFor(TestUser.Establishment(myTaxCode));
        var ownList = await establishment.GetFromJsonAsync<JsonElement>("/api/proposals?pageSize=200");
        Assert.NotEmpty(ownList.GetProperty("items").EnumerateArray());
        foreach (var own in ownList.GetProperty("items").EnumerateArray())
        {
            var detail = await establishment.GetFromJsonAsync<JsonElement>($"/api/proposals/{own.GetProperty("id").GetString()}");
            Assert.Contains(myTaxCode, detail.GetProperty("beneficiaries").EnumerateArray().Select(b => b.GetProperty("taxCode").GetString()));
        }
        Assert.Equal(HttpStatusCode.OK, (await establishment.GetAsync($"/api/proposals/{mine.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await establishment.GetAsync($"/api/proposals/{theirs.GetProperty("id").GetString()}")).StatusCode);
        var ownEstablishments = await establishment.GetFromJsonAsync<JsonElement>("/api/establishments?pageSize=200");
        Assert.Equal([myTaxCode], ownEstablishments.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("taxCode").GetString()));

        var district = platform.Accounts.ClientFor(TestUser.DistrictOfficer(myUnit));
        var unitList = await district.GetFromJsonAsync<JsonElement>("/api/proposals?pageSize=200");
        Assert.Contains(mine.GetProperty("id").GetString(), unitList.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.True(unitList.GetProperty("totals").GetProperty("count").GetInt32() < (await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/proposals?pageSize=1")).GetProperty("totals").GetProperty("count").GetInt32());
        if (theirUnitDiffers)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/api/proposals/{theirs.GetProperty("id").GetString()}")).StatusCode);
        }
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var operations = new List<Operation>();
        foreach (var service in Services)
        {
            using var client = platform.App.CreateHttpClient(service);
            var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
                {
                    var id = method.Value.TryGetProperty("operationId", out var operationId) ? operationId.GetString()! : $"{method.Name.ToUpperInvariant()} {path.Name}";
                    var multipart = method.Value.TryGetProperty("requestBody", out var body)
                        && body.TryGetProperty("content", out var content) && content.TryGetProperty("multipart/form-data", out _);
                    operations.Add(new Operation(service, method.Name.ToUpperInvariant(), path.Name, id, multipart));
                }
            }
        }
        return operations;
    }

    private static async Task<Answer> CallAsync(HttpClient client, Operation operation)
    {
        var path = Parameter().Replace(operation.Path, m => m.Groups[1].Value switch
        {
            "number" => "1",
            "code" => "no-such-unit",
            "planYear" => "2024",
            "fundingSource" => "Local",
            _ => Guid.NewGuid().ToString(),
        });
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            // The body a form asks for, empty: the answer is about who may call, not about the content.
            request.Content = operation.Multipart
                ? new MultipartFormDataContent { { new StringContent(""), "note" } }
                : JsonContent.Create(new { });
        }
        using var response = await client.SendAsync(request);
        var type = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("type", out var t) ? t.GetString() : null
            : null;
        return new Answer((int)response.StatusCode, type);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    private static IReadOnlyList<string> RolesOf(Access access) => access switch
    {
        Access.Read => PlatformRoles.All,
        Access.Manage => [PlatformRoles.Admin, PlatformRoles.Officer],
        Access.Appraise => [PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Appraiser],
        Access.Propose => [PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.DistrictOfficer, PlatformRoles.Establishment],
        Access.Report => [PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Leader, PlatformRoles.DistrictOfficer],
        Access.Admin => [PlatformRoles.Admin],
        Access.Consolidate => [PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.DistrictOfficer],
        _ => [],
    };

    private enum Access { Public, Read, Manage, Appraise, Propose, Report, Admin, Consolidate }

    private sealed record Operation(string Service, string Method, string Path, string Id, bool Multipart)
    {
        public override string ToString() => $"{Id} ({Method} {Path})";
    }

    private sealed record Answer(int Status, string? Type)
    {
        public override string ToString() => Type is null ? Status.ToString() : $"{Status} {Type}";
    }
}
