using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.TestSupport;
using MiniExcelLibs;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// The plan-versus-actual figures and the report to the Ministry built from them. The events of one plan year
/// (two envelopes with an addition and a cut, a proposal approved on 31 March, advanced, settled and paid its
/// balance, one approved beyond the plan on 1 April, advanced, cancelled and partly refunded, and two national
/// proposals) are delivered newest first and twice; the expected figures are worked out below with the
/// Proposals service's definitions of its envelope figures (committed: approved support, the settled support
/// once settled, what was paid and not refunded once cancelled).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class MinistryReportTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const long Million = 1_000_000;
    private const string Signer = "Trần Thị Bình";
    private static readonly Guid Settled = Guid.NewGuid(), OverPlan = Guid.NewGuid(), NationalApproved = Guid.NewGuid(), NationalFiled = Guid.NewGuid();
    private static readonly Guid SplitPilot = Guid.NewGuid(), UnsplitPilot = Guid.NewGuid();
    private static readonly Guid LocalEnvelope = Guid.NewGuid(), NationalEnvelope = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2024, 1, 10, 3, 0, 0, TimeSpan.Zero);

    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new ReportingHost(postgres, rabbit, ("Reporting:Ministry:SignerName", Signer));
        await _host.PublishTwiceAsync(History().Reverse());
        await _host.DrainAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ProposalProfile Profile(string code, FundingSource source, ContentGroup group, string district, long support) =>
        Scenario.Profile(code, 2024, district, source, group, Sector.Ceramics, ["5700100256"], support, 2 * support, 0) with
        {
            Title = $"Đề án {code}",
            ImplementingUnit = "Trung tâm Khuyến công",
        };

    private static BudgetEnvelopeChanged Envelope(Guid envelope, FundingSource source, string kind, long amount, long allocated, DateOnly on) => new()
    {
        EnvelopeId = envelope, PlanYear = 2024, FundingSource = source, EntryId = Guid.NewGuid(), Kind = kind, Amount = amount,
        DecisionNumber = $"{on.DayOfYear}/QĐ-UBND", DecisionDate = on, Allocated = allocated, RecordedAt = At,
    };

    private static ProposalApproved Approval(Guid id, ProposalProfile profile, long support, DateOnly on, string? beyondPlan = null) => new()
    {
        ProposalId = id, Proposal = profile, ApprovedSupport = support, DecisionNumber = $"{on.DayOfYear}/QĐ-SCT", DecisionDate = on,
        AppraisalScore = 80, ApprovedAt = new DateTimeOffset(on, new TimeOnly(2, 0), TimeSpan.Zero), PlanExceedanceDecisionNumber = beyondPlan,
    };

    /// <summary>The events in the order the Proposals service publishes them.</summary>
    private static IEnumerable<object> History()
    {
        // Local: 1,000 million allocated, 200 added on 1 June, 100 cut on 1 September (1,100); national: 400 million.
        yield return Envelope(LocalEnvelope, FundingSource.Local, "Allocation", 1_000 * Million, 1_000 * Million, new DateOnly(2024, 1, 15));
        yield return Envelope(NationalEnvelope, FundingSource.National, "Allocation", 400 * Million, 400 * Million, new DateOnly(2024, 1, 20));
        yield return Envelope(LocalEnvelope, FundingSource.Local, "Addition", 200 * Million, 1_200 * Million, new DateOnly(2024, 6, 1));
        yield return Envelope(LocalEnvelope, FundingSource.Local, "Cut", 100 * Million, 1_100 * Million, new DateOnly(2024, 9, 1));

        // Approved 300 million on 31 March, 150 advanced, settled at 280, the balance of 130 paid.
        var settled = Profile("KCĐP-2024-001", FundingSource.Local, ContentGroup.TechnicalDemonstration, Scenario.HaLong, 300 * Million);
        yield return Approval(Settled, settled, 300 * Million, new DateOnly(2024, 3, 31));
        yield return new AdvancePaid { ProposalId = Settled, Code = settled.Code, PaymentId = Guid.NewGuid(), Amount = 150 * Million, TotalAdvanced = 150 * Million, ApprovedSupport = 300 * Million, PaidOn = new DateOnly(2024, 4, 10) };
        yield return new ProposalSettled
        {
            ProposalId = Settled, Proposal = settled, ApprovedSupport = 300 * Million, SettledSupport = 280 * Million, AdvancesPaid = 150 * Million,
            RefundDue = 0, BalanceDue = 130 * Million, SettledOn = new DateOnly(2024, 11, 1),
        };
        yield return new BalancePaid { ProposalId = Settled, Code = settled.Code, PaymentId = Guid.NewGuid(), Amount = 130 * Million, TotalPaid = 280 * Million, PaidOn = new DateOnly(2024, 11, 15) };

        // Approved 500 million beyond the plan on 1 April, 100 advanced, cancelled on 1 July, 60 refunded.
        var cancelled = Profile("KCĐP-2024-002", FundingSource.Local, ContentGroup.VocationalTraining, Scenario.DongTrieu, 500 * Million);
        yield return Approval(OverPlan, cancelled, 500 * Million, new DateOnly(2024, 4, 1), beyondPlan: "12/QĐ-UBND");
        yield return new AdvancePaid { ProposalId = OverPlan, Code = cancelled.Code, PaymentId = Guid.NewGuid(), Amount = 100 * Million, TotalAdvanced = 100 * Million, ApprovedSupport = 500 * Million, PaidOn = new DateOnly(2024, 5, 1) };
        yield return new ProposalCancelled
        {
            ProposalId = OverPlan, Proposal = cancelled, PreviousStatus = "InImplementation", Reason = "Cơ sở ngừng sản xuất", AdvancesPaid = 100 * Million,
            CancelledAt = new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero),
        };
        yield return new RefundRecorded { ProposalId = OverPlan, Code = cancelled.Code, RefundId = Guid.NewGuid(), Amount = 60 * Million, TotalRefunded = 60 * Million, RefundOutstanding = 40 * Million, RefundedOn = new DateOnly(2024, 8, 1), DocumentNumber = "PT-1" };

        // Local pilots of 2021–2023: one split 100/200/300 million, approved for its 600 and advanced 50 in 2021; one published
        // before the split existed (300 million and 1 đồng asked and approved), split evenly as Proposals split it: 100 million
        // and 1 đồng in 2021, 100 million in each later year.
        var split = Profile("KCĐP-2021-001", FundingSource.Local, ContentGroup.TechnicalDemonstration, Scenario.HaLong, 600 * Million) with
        {
            PlanYear = 2021,
            PilotStartYear = 2021,
            PilotEndYear = 2023,
            PilotShares = [100 * Million, 200 * Million, 300 * Million],
        };
        yield return Approval(SplitPilot, split, 600 * Million, new DateOnly(2021, 2, 1));
        yield return new AdvancePaid { ProposalId = SplitPilot, Code = split.Code, PaymentId = Guid.NewGuid(), Amount = 50 * Million, TotalAdvanced = 50 * Million, ApprovedSupport = 600 * Million, PaidOn = new DateOnly(2021, 3, 1) };
        var unsplit = Profile("KCĐP-2021-002", FundingSource.Local, ContentGroup.TechnicalDemonstration, Scenario.DongTrieu, 300 * Million + 1) with
        {
            PlanYear = 2021,
            PilotStartYear = 2021,
            PilotEndYear = 2023,
        };
        yield return Approval(UnsplitPilot, unsplit, 300 * Million + 1, new DateOnly(2021, 2, 2));

        // National: one filed and approved 200 million on 1 February, one filed and not decided yet.
        var approved = Profile("KCQG-2024-001", FundingSource.National, ContentGroup.TypicalProducts, Scenario.HaLong, 200 * Million);
        yield return new ProposalSubmitted { ProposalId = NationalApproved, Proposal = approved, SubmittedAt = At, IsLate = false };
        yield return Approval(NationalApproved, approved, 200 * Million, new DateOnly(2024, 2, 1));
        var filed = Profile("KCQG-2024-002", FundingSource.National, ContentGroup.TechnicalDemonstration, Scenario.DongTrieu, 350 * Million) with
        {
            PilotStartYear = 2024,
            PilotEndYear = 2025,
        };
        yield return new ProposalSubmitted { ProposalId = NationalFiled, Proposal = filed, SubmittedAt = At, IsLate = false };
    }

    private Task<JsonElement> ReportAsync(string query) => _host.GetJsonAsync($"/api/reports/ministry?{query}");

    private static Dictionary<string, long?> Figures(JsonElement line) =>
        line.GetProperty("figures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (long?)null : p.Value.GetInt64());

    private static JsonElement Line(JsonElement report, string table, string key) =>
        report.GetProperty(table).EnumerateArray().Single(l => l.GetProperty("key").GetString() == key);

    [Fact]
    public async Task The_year_figures_follow_the_envelope_decisions_and_the_money_of_the_proposals_whatever_the_order_of_arrival()
    {
        var report = await ReportAsync("year=2024&period=year&source=Local");

        var local = Figures(Line(report, "bySource", "Local"));
        Assert.Equal(1_100 * Million, local["allocated"]);
        Assert.Equal((280 + 40) * Million, local["committed"]);
        Assert.Equal((1_100 - 320) * Million, local["remaining"]);
        Assert.Equal(250 * Million, local["advanced"]);
        Assert.Equal(380 * Million, local["paid"]);
        Assert.Equal(280 * Million, local["settled"]);
        Assert.Equal(60 * Million, local["refunded"]);
        Assert.Equal(2, local["proposals"]);
        Assert.Equal(1, local["overPlan"]);
        Assert.Equal(500 * Million, local["overPlanSupport"]);
        Assert.Equal(local, Figures(report.GetProperty("total")));
        Assert.Equal(280 * Million, Figures(Line(report, "byContentGroup", nameof(ContentGroup.TechnicalDemonstration)))["committed"]);
        Assert.Equal(40 * Million, Figures(Line(report, "byDistrict", Scenario.DongTrieu))["committed"]);
        Assert.Empty(report.GetProperty("nationalProposals").EnumerateArray());
    }

    [Fact]
    public async Task An_approval_on_31_March_is_in_the_first_quarter_and_one_on_1_April_in_the_second_and_the_half_year()
    {
        var q1 = Figures(Line(await ReportAsync("year=2024&period=q1&source=Local"), "bySource", "Local"));
        var q2 = Figures(Line(await ReportAsync("year=2024&period=Q2&source=Local"), "bySource", "Local"));
        var h1 = await ReportAsync("year=2024&period=h1");

        Assert.Equal((1, 300 * Million, 1_000 * Million, 0L), (q1["proposals"], q1["committed"], q1["allocated"], q1["overPlan"]));
        Assert.Equal((2, 800 * Million, 1_200 * Million, 1L), (q2["proposals"], q2["committed"], q2["allocated"], q2["overPlan"]));
        Assert.Equal(250 * Million, q2["advanced"]);
        Assert.Equal(q2, Figures(Line(h1, "bySource", "Local")));
        Assert.Equal("2024-06-30", h1.GetProperty("to").GetString());
        Assert.Contains("6 tháng đầu năm 2024", h1.GetProperty("header").GetProperty("subtitle").GetString());
        var national = Figures(Line(h1, "bySource", "National"));
        Assert.Equal((400 * Million, 200 * Million, 200 * Million), (national["allocated"]!.Value, national["committed"]!.Value, national["remaining"]!.Value));
        Assert.Equal(1_000 * Million, Figures(h1.GetProperty("total"))["committed"]);
    }

    [Fact]
    public async Task The_report_carries_the_national_header_the_configured_issuer_and_signer_and_the_national_proposals()
    {
        var report = await ReportAsync("year=2024&period=year");

        var header = report.GetProperty("header");
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", header.GetProperty("nationalTitle").GetString());
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", header.GetProperty("nationalMotto").GetString());
        Assert.Equal("SỞ CÔNG THƯƠNG", header.GetProperty("issuingBody").GetString());
        Assert.StartsWith("Quảng Ninh, ngày ", header.GetProperty("placeAndDate").GetString());
        Assert.Contains("Cục Công nghiệp địa phương - Bộ Công Thương", header.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("GIÁM ĐỐC", report.GetProperty("signature").GetProperty("title").GetString());
        Assert.Equal(Signer, report.GetProperty("signature").GetProperty("name").GetString());

        var national = report.GetProperty("nationalProposals").EnumerateArray().ToList();
        Assert.Equal(["KCQG-2024-001", "KCQG-2024-002"], national.Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(200 * Million, national[0].GetProperty("approvedSupport").GetInt64());
        Assert.Equal(JsonValueKind.Null, national[1].GetProperty("approvedSupport").ValueKind);
        Assert.Equal(350 * Million, national[1].GetProperty("requestedSupport").GetInt64());
        Assert.Equal("2024–2025", national[1].GetProperty("schedule").GetString());
        Assert.Equal("Trung tâm Khuyến công", national[1].GetProperty("implementingUnit").GetString());
    }

    [Fact]
    public async Task The_spreadsheet_holds_the_figures_the_api_answers()
    {
        var report = await ReportAsync("year=2024&period=h1");
        using var response = await _host.Client.GetAsync("/api/reports/ministry?year=2024&period=h1&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        var sheets = MiniExcel.GetSheetNames(xlsx);
        Assert.Equal(["Báo cáo", "Mẫu số 2"], sheets);
        var rows = xlsx.Query(useHeaderRow: false, sheetName: "Báo cáo").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rows[0]["F"]);
        Assert.Contains(rows, r => r["F"] as string == "GIÁM ĐỐC");
        Assert.Contains(rows, r => r["F"] as string == Signer);
        string[] figures = ["allocated", "planned", "committed", "remaining", "advanced", "paid", "settled", "refunded", "proposals", "overPlan", "overPlanSupport"];
        var columns = "CDEFGHIJKLM";
        void AssertRow(int index, JsonElement line)
        {
            var expected = Figures(line);
            for (var i = 0; i < figures.Length; i++)
            {
                var cell = rows[index][columns[i].ToString()];
                Assert.True(expected[figures[i]] == (cell is null ? null : Convert.ToInt64(cell, System.Globalization.CultureInfo.InvariantCulture)),
                    $"{rows[index]["B"]} {figures[i]}: the API says {expected[figures[i]]}, the spreadsheet {cell}");
            }
        }
        var sourceTable = rows.FindIndex(r => (r["B"] as string)?.StartsWith("I. ", StringComparison.Ordinal) == true);
        AssertRow(sourceTable + 2, Line(report, "bySource", "National"));
        AssertRow(sourceTable + 3, Line(report, "bySource", "Local"));
        AssertRow(sourceTable + 4, report.GetProperty("total"));
        var districtTable = rows.FindIndex(r => (r["B"] as string)?.StartsWith("III. ", StringComparison.Ordinal) == true);
        Assert.Equal(Scenario.DongTrieu, rows[districtTable + 2]["B"]);
        AssertRow(districtTable + 2, Line(report, "byDistrict", Scenario.DongTrieu));

        var national = xlsx.Query(useHeaderRow: false, sheetName: "Mẫu số 2").Cast<IDictionary<string, object?>>().ToList();
        var approved = national.Single(r => (r["B"] as string)?.StartsWith("KCQG-2024-001", StringComparison.Ordinal) == true);
        Assert.Equal(200 * Million, Convert.ToInt64(approved["H"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(600 * Million, Convert.ToInt64(approved["F"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("year=2024&period=q5", "period")]
    [InlineData("year=2024&period=q1,h1", "period")]
    [InlineData("year=2024&period=1", "period")]
    [InlineData("year=99999&period=q1", "year")]
    [InlineData("period=q1", "year")]
    [InlineData("year=2024&period=q1&source=99", "source")]
    [InlineData("year=2024&period=q1&format=pdf", "format")]
    public async Task Hostile_periods_years_and_sources_are_refused_in_Vietnamese(string query, string field)
    {
        using var response = await _host.Client.GetAsync($"/api/reports/ministry?{query}");

        var errors = await ErrorsOf(response);
        var message = errors.GetProperty(field)[0].GetString()!;
        Assert.Matches("[àáảãạâầấẩẫậăằắẳẵặđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", message);
    }

    [Fact]
    public async Task A_district_officer_cannot_read_the_province_report()
    {
        using var response = await _host.ClientAs(TestUser.DistrictOfficer("dong-trieu", Scenario.DongTrieu)).GetAsync("/api/reports/ministry?year=2024&period=q1");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "/errors/out-of-scope");
    }

    [Fact]
    public async Task A_pilot_commits_in_each_of_its_years_that_year_s_share_and_its_money_counts_in_its_first_year()
    {
        async Task<Dictionary<string, long?>> YearAsync(int year) =>
            Figures(Line(await ReportAsync($"year={year}&period=year&source=Local"), "bySource", "Local"));

        var first = await YearAsync(2021);
        Assert.Equal(((100 + 100) * Million + 1, 50 * Million, 2L), (first["committed"], first["advanced"], first["proposals"]));
        var second = await YearAsync(2022);
        Assert.Equal(((200 + 100) * Million, 0L, 0L, 2L), (second["committed"], second["advanced"], second["paid"], second["proposals"]));
        var third = await YearAsync(2023);
        Assert.Equal(((300 + 100) * Million, 0L, 2L), (third["committed"], third["advanced"], third["proposals"]));
        Assert.Equal(0, Figures(Line(await ReportAsync("year=2023&period=year&source=Local"), "byDistrict", Scenario.HaLong))["advanced"]);
        Assert.Equal(300 * Million, Figures(Line(await ReportAsync("year=2023&period=year&source=Local"), "byDistrict", Scenario.HaLong))["committed"]);
    }

    [Fact]
    public async Task A_rebuild_from_the_ledger_reproduces_the_plan_figures()
    {
        var live = await _host.ReadModelsAsync();
        var before = (await ReportAsync("year=2024&period=year")).ToString();

        using var rebuilt = await _host.ClientAs(TestUser.Admin).PostAsync("/api/reports/admin/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        var result = await rebuilt.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, result.GetProperty("envelopeEntries").GetInt32());
        Assert.Equal(5, result.GetProperty("moneyMovements").GetInt32());
        var replayed = await _host.ReadModelsAsync();
        foreach (var table in new[] { "envelope_entry_facts", "money_movement_facts", "proposal_facts" })
        {
            Assert.True(live[table] == replayed[table], $"{table} differs after the rebuild:\nlive:\n{live[table]}\nrebuilt:\n{replayed[table]}");
        }
        Assert.Equal(before, (await ReportAsync("year=2024&period=year")).ToString());
    }
}
