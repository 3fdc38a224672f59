using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.TestSupport;

/// <summary>
/// Takes establishments and proposals through the Proposals API the way an officer does, for tests
/// and benchmarks that need a proposal in a given state. Every step checks its answer.
/// </summary>
public sealed class ProposalJourney(HttpClient http, Uri? baseAddress = null)
{
    private static readonly int[] SheetMaximum = [20, 25, 20, 15, 10, 10];

    private Uri At(string path) => baseAddress is null ? new Uri(path, UriKind.Relative) : new Uri(baseAddress, path);

    /// <summary>A valid establishment; historic units (before July 2025) need a registration day of their time.</summary>
    public static Dictionary<string, object?> EstablishmentBody(string taxCode, string unit = "dong-trieu", string registeredOn = "2014-01-10") => new()
    {
        ["taxCode"] = taxCode,
        ["name"] = $"HTX gốm sứ {taxCode[^4..]}",
        ["type"] = "Cooperative",
        ["sector"] = "Ceramics",
        ["administrativeUnitCode"] = unit,
        ["address"] = "Khu 3, Đông Triều",
        ["representative"] = "Nguyễn Văn An",
        ["phone"] = "0203 3870 123",
        ["email"] = "htx@example.vn",
        ["employees"] = 25,
        ["registeredOn"] = registeredOn,
    };

    /// <summary>A valid draft of content group 3 (advanced machinery, one facility) for one beneficiary, with its estimate.</summary>
    public static Dictionary<string, object?> DraftBody(string taxCode, int year = 2024, long stateSupport = 300_000_000, long ownCapital = 700_000_000,
        string fundingSource = "Local", string unit = "dong-trieu") => new()
        {
            ["fundingSource"] = fundingSource,
            ["planYear"] = year,
            ["title"] = "Ứng dụng lò nung gốm tiết kiệm năng lượng",
            ["contentGroup"] = 3,
            ["activity"] = "AdvancedMachinery",
            ["units"] = 1,
            ["implementingUnit"] = "Trung tâm Xúc tiến và Phát triển công thương Quảng Ninh",
            ["beneficiaryTaxCodes"] = new[] { taxCode },
            ["administrativeUnitCode"] = unit,
            ["location"] = "Khu 3, Đông Triều",
            ["objectives"] = "Giảm 30 % tiêu hao than, nâng công suất lò.",
            ["stateSupport"] = stateSupport,
            ["ownCapital"] = ownCapital,
            ["otherSources"] = 0,
            ["expectedJobs"] = 12,
            ["expectedAverageWage"] = 6_000_000,
            ["estimate"] = Estimate(stateSupport, ownCapital),
        };

    /// <summary>A detailed estimate of one line carrying the whole budget.</summary>
    public static object[] Estimate(long stateSupport, long ownCapital, long otherSources = 0) =>
        [new { item = "Mua sắm, lắp đặt máy móc thiết bị", stateSupport, ownCapital, otherSources, isManagementCost = false }];

    /// <summary>
    /// Days of a paper record for a plan year: the dossier received on 1 May of the year before, the council
    /// met on 1 September; today for a year whose days have not come.
    /// </summary>
    public static (string? ReceivedOn, string? CompletedOn) PaperDays(int planYear) =>
        new DateOnly(planYear - 1, 9, 1) <= DateOnly.FromDateTime(DateTime.UtcNow)
            ? ($"{planYear - 1}-05-01", $"{planYear - 1}-09-01")
            : (null, null);

    public async Task<JsonElement> RegisterEstablishmentAsync(Dictionary<string, object?> body) =>
        await ExpectAsync(await http.PostAsJsonAsync(At("/api/establishments"), body), HttpStatusCode.Created);

    /// <summary>Registers the establishment unless it already is.</summary>
    public async Task EnsureEstablishmentAsync(string taxCode, string unit = "dong-trieu", string registeredOn = "2014-01-10")
    {
        var response = await http.PostAsJsonAsync(At("/api/establishments"), EstablishmentBody(taxCode, unit, registeredOn));
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            await ExpectAsync(response, HttpStatusCode.Created);
        }
    }

    public async Task<JsonElement> CreateAsync(Dictionary<string, object?> draft) =>
        await ExpectAsync(await http.PostAsJsonAsync(At("/api/proposals"), draft), HttpStatusCode.Created);

    public Task<JsonElement> PostAsync(string id, string action, object? body = null) => PostExpectingAsync(id, action, body, HttpStatusCode.OK);

    public async Task<JsonElement> PostExpectingAsync(string id, string action, object? body, HttpStatusCode expected) =>
        await ExpectAsync(await http.PostAsJsonAsync(At($"/api/proposals/{id}/{action}"), body ?? new { }), expected);

    /// <summary>Posts an action and returns the raw answer, for tests of refusals.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string id, string action, object? body) =>
        http.PostAsJsonAsync(At($"/api/proposals/{id}/{action}"), body ?? new { });

    /// <summary>Submits; an officer may give the day a paper dossier was received.</summary>
    public Task<JsonElement> SubmitAsync(string id, string? receivedOn = null) => PostAsync(id, "submit", new { receivedOn });

    /// <summary>
    /// The appraisal council <see cref="AppraiseAsync"/> forms: accounts holding the Appraiser role that the
    /// Proposals service knows, each with a client sending that member's own token (only they score their seat).
    /// The first seat is the chair.
    /// </summary>
    public IReadOnlyList<CouncilMember> Council { get; set; } = [];

    /// <summary>The council seats for a start-appraisal request: user ids, positions, the first the chair.</summary>
    public object CouncilRequest() => new
    {
        council = Council.Select((m, i) => new { userId = m.UserId, position = i == 0 ? "Chủ tịch hội đồng" : "Ủy viên", chair = i == 0 }).ToArray(),
    };

    /// <summary>
    /// Starts an appraisal by <see cref="Council"/>, each member scoring their own seat at <paramref name="percent"/>
    /// of every criterion, and completes it (on <paramref name="completedOn"/>, or today).
    /// </summary>
    public async Task<JsonElement> AppraiseAsync(string id, int percent = 80, string? completedOn = null)
    {
        if (Council.Count == 0)
        {
            throw new InvalidOperationException("Set the journey's Council (appraiser accounts and their clients) before appraising.");
        }
        var started = await PostAsync(id, "appraisal", CouncilRequest());
        foreach (var seat in started.GetProperty("appraisal").GetProperty("council").EnumerateArray())
        {
            var member = Council.Single(m => m.UserId == seat.GetProperty("userId").GetString());
            await ExpectAsync(await member.Client.PutAsJsonAsync(At($"/api/proposals/{id}/appraisal/scores/{seat.GetProperty("id").GetString()}"), Sheet(percent)), HttpStatusCode.OK);
        }
        return await PostAsync(id, "appraisal/complete", new { completedOn });
    }

    /// <summary>A score sheet giving each criterion <paramref name="percent"/> of its maximum (rounded down).</summary>
    public static Dictionary<string, int> Sheet(int percent)
    {
        var points = SheetMaximum.Select(max => max * percent / 100).ToArray();
        return new()
        {
            ["fitWithRules"] = points[0],
            ["objectivesAndEfficiency"] = points[1],
            ["budgetReasonableness"] = points[2],
            ["unitCapacity"] = points[3],
            ["combinationWithOtherProgrammes"] = points[4],
            ["dossierCompleteness"] = points[5],
        };
    }

    public Task<JsonElement> ApproveAsync(string id, long support, string decisionDate = "2024-01-15") =>
        PostAsync(id, "approve", new { approvedSupport = support, decisionNumber = "15/QĐ-SCT", decisionDate });

    /// <summary>
    /// A new proposal of the given figures, submitted and appraised (ready for a decision), entered as a paper
    /// record of its plan year (<see cref="PaperDays"/>) so that a decision of that year may follow.
    /// </summary>
    public async Task<string> AppraisedAsync(Dictionary<string, object?> draft)
    {
        var id = (await CreateAsync(draft)).GetProperty("id").GetString()!;
        var (receivedOn, completedOn) = PaperDays((int)draft["planYear"]!);
        await SubmitAsync(id, receivedOn);
        await AppraiseAsync(id, completedOn: completedOn);
        return id;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>A council member for a journey: the account's id and a client that sends that account's token.</summary>
public sealed record CouncilMember(string UserId, HttpClient Client);
