using System.Net;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using MiniExcelLibs;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// The whole scenario goes through the real broker, every event twice and out of order, into the read
/// models on real PostgreSQL; the reports, exports and a rebuild are checked against it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ScenarioReportTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    // The scenario is published once for the whole class (its tests only read, and a rebuild reproduces it).
    private static readonly object Gate = new();
    private static Task<ReportingHost>? _shared;
    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        lock (Gate)
        {
            _shared ??= PublishScenarioAsync(postgres, rabbit);
        }
        _host = await _shared;
    }

    private static async Task<ReportingHost> PublishScenarioAsync(PostgresServer postgres, RabbitMqServer rabbit)
    {
        var host = new ReportingHost(postgres, rabbit);
        await host.PublishTwiceAsync(Scenario.Events);
        await host.DrainAsync();
        return host;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static long Long(JsonElement row, string figure) => row.GetProperty("figures").GetProperty(figure).GetInt64();

    private static JsonElement Row(JsonElement table, params (string Dimension, object Value)[] group) =>
        table.GetProperty("rows").EnumerateArray().Single(r => group.All(g =>
            r.GetProperty("group").GetProperty(g.Dimension).ToString() == g.Value.ToString()));

    [Fact]
    public async Task Proposals_are_counted_by_status_with_money_over_approved_proposals_and_leverage()
    {
        var table = await _host.GetJsonAsync("/api/reports/proposals");
        var total = table.GetProperty("total");
        Assert.Equal(5, Long(total, "proposals"));
        Assert.Equal(2, Long(total, "approved"));
        Assert.Equal(2, Long(total, "accepted"));
        Assert.Equal(13_500_000_000, Long(total, "totalBudget"));
        Assert.Equal(3_000_000_000, Long(total, "stateSupport"));
        Assert.Equal(10_000_000_000, Long(total, "ownCapital"));
        Assert.Equal(500_000_000, Long(total, "otherSources"));
        Assert.Equal(3.33m, total.GetProperty("figures").GetProperty("leverage").GetDecimal());
        Assert.Equal("1 : 3,33", total.GetProperty("figures").GetProperty("leverageText").GetString());
        Assert.Equal(950_000_000L + 1_900_000_000L, Long(total, "supportUsed"));
        Assert.Equal(400_000_000 + 100_000_000, Long(total, "advancesOutstanding"));

        var byStatus = await _host.GetJsonAsync("/api/reports/proposals?groupBy=status");
        var counts = byStatus.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("group").GetProperty("status").GetString()!, r => Long(r, "proposals"));
        Assert.Equal(new Dictionary<string, long> { ["Accepted"] = 1, ["Settled"] = 1, ["Rejected"] = 1, ["Cancelled"] = 1, ["Draft"] = 1 }, counts);
    }

    [Fact]
    public async Task The_summary_counts_approved_proposals_that_were_not_cancelled()
    {
        var summary = await _host.GetJsonAsync("/api/reports/summary?fromYear=2017&toYear=2019");
        Assert.Equal(2, summary.GetProperty("proposals").GetInt32());
        Assert.Equal(3_000_000_000, summary.GetProperty("stateSupport").GetInt64());
        Assert.Equal("1 : 3,33", summary.GetProperty("leverageText").GetString());
    }

    [Fact]
    public async Task Outcomes_weight_the_average_wage_by_jobs_and_count_establishments_once()
    {
        var table = await _host.GetJsonAsync("/api/reports/outcomes?groupBy=district");
        var total = table.GetProperty("total");
        Assert.Equal(2, Long(total, "acceptedProposals"));
        Assert.Equal(30, Long(total, "jobsCreated"));
        Assert.Equal(7_000_000, Long(total, "averageWage"));
        Assert.Equal(3, Long(total, "establishmentsSupported"));
        Assert.Equal(2, Long(Row(table, ("district", Scenario.DongTrieu)), "establishmentsSupported"));
        Assert.Equal(2, Long(Row(table, ("district", Scenario.HaLong)), "establishmentsSupported"));
    }

    [Fact]
    public async Task Follow_ups_show_due_done_overdue_and_coverage_of_accepted_proposals()
    {
        var total = (await _host.GetJsonAsync("/api/reports/follow-ups")).GetProperty("total");
        Assert.Equal(2, Long(total, "acceptedProposals"));
        Assert.Equal(3, Long(total, "scheduled"));
        Assert.Equal(2, Long(total, "due"));
        Assert.Equal(1, Long(total, "done"));
        Assert.Equal(1, Long(total, "overdue"));
        Assert.Equal(1, Long(total, "evaluatedProposals"));
        Assert.Equal(50.0m, total.GetProperty("figures").GetProperty("coveragePercent").GetDecimal());
    }

    [Fact]
    public async Task Training_keeps_the_highest_revision_of_a_course_and_takes_funding_from_its_proposal()
    {
        var table = await _host.GetJsonAsync("/api/reports/training?groupBy=fundingSource");
        var total = table.GetProperty("total");
        Assert.Equal(2, Long(total, "courses"));
        Assert.Equal(1, Long(total, "coursesCompleted"));
        Assert.Equal(25, Long(total, "enrolled"));
        Assert.Equal(10, Long(total, "enrolledFemale"));
        Assert.Equal(3, Long(total, "enrolledEthnicMinority"));
        Assert.Equal(23, Long(total, "completed"));
        Assert.Equal(22, Long(total, "certified"));
        Assert.Equal(9, Long(total, "certifiedFemale"));
        Assert.Equal(18, Long(total, "employedAfter"));
        Assert.Equal(25, Long(Row(table, ("fundingSource", "Local")), "enrolled"));
    }

    [Fact]
    public async Task Products_count_valid_and_expiring_certificates_by_level_with_the_establishments_current_sector()
    {
        var total = (await _host.GetJsonAsync("/api/reports/products")).GetProperty("total");
        Assert.Equal(3, Long(total, "recognised"));
        Assert.Equal(2, Long(total, "validCertificates"));
        Assert.Equal(1, Long(total, "expiringWithin90Days"));
        Assert.Equal(1, Long(total, "revoked"));

        var bySector = await _host.GetJsonAsync("/api/reports/products?groupBy=sector,level");
        Assert.Equal(1, Long(Row(bySector, ("sector", "Ceramics"), ("level", "Provincial")), "recognised"));
    }

    [Fact]
    public async Task Fairs_count_held_fairs_with_the_latest_allocation_and_outcome_of_each_participant()
    {
        var total = (await _host.GetJsonAsync("/api/reports/fairs")).GetProperty("total");
        // Held: 2018 and 2022. The cancelled 2019 fair and the 2024 fair without outcomes do not count.
        Assert.Equal(2, Long(total, "fairsHeld"));
        // A's 2018 booths cut from 2 to 1 by the override; F wait-listed; 2022: A 2, D 1 (not reported yet).
        Assert.Equal(5, Long(total, "booths"));
        Assert.Equal(3, Long(total, "establishmentsSupported"));
        // A's 2018 outcome corrected (revision 3 replaces revision 1), C's, and A's 2022.
        Assert.Equal(3 + 1 + 5, Long(total, "contracts"));
        Assert.Equal(350_000_000 + 100_000_000 + 500_000_000, Long(total, "contractValue"));
        Assert.Equal(60_000_000 + 20_000_000 + 90_000_000, Long(total, "salesValue"));
        Assert.Equal(220 + 150 + 300, Long(total, "visitors"));
        Assert.Equal(12_000_000 + 12_000_000 + 27_000_000 + 15_000_000, Long(total, "totalSupport"));

        var byPeriod = await _host.GetJsonAsync("/api/reports/fairs?groupBy=period");
        var early = Row(byPeriod, ("period", "2014–2020"));
        Assert.Equal(1, Long(early, "fairsHeld"));
        Assert.Equal(2, Long(early, "booths"));
        Assert.Equal(2, Long(early, "establishmentsSupported"));
        Assert.Equal(4, Long(early, "contracts"));
        Assert.Equal(5, Long(Row(byPeriod, ("period", "2021–2025")), "contracts"));
        // A fair has one start year: by year or period the fairs held add up to the total.
        Assert.Equal(Long(byPeriod.GetProperty("total"), "fairsHeld"), byPeriod.GetProperty("rows").EnumerateArray().Sum(r => Long(r, "fairsHeld")));
    }

    [Fact]
    public async Task Fairs_by_district_group_participants_and_count_each_fair_a_district_took_part_in()
    {
        var table = await _host.GetJsonAsync("/api/reports/fairs?groupBy=district");
        var dongTrieu = Row(table, ("district", Scenario.DongTrieu));
        Assert.Equal(2, Long(dongTrieu, "fairsHeld"));
        Assert.Equal(3, Long(dongTrieu, "booths"));
        Assert.Equal(1, Long(dongTrieu, "establishmentsSupported"));
        Assert.Equal(8, Long(dongTrieu, "contracts"));
        Assert.Equal(150_000_000, Long(dongTrieu, "salesValue"));
        Assert.Equal(39_000_000, Long(dongTrieu, "totalSupport"));
        var haLong = Row(table, ("district", Scenario.HaLong));
        Assert.Equal(2, Long(haLong, "fairsHeld"));
        Assert.Equal(2, Long(haLong, "booths"));
        Assert.Equal(2, Long(haLong, "establishmentsSupported"));
        Assert.Equal(27_000_000, Long(haLong, "totalSupport"));
        Assert.Equal(2, table.GetProperty("rows").GetArrayLength());

        var filtered = await _host.GetJsonAsync($"/api/reports/fairs?district={Uri.EscapeDataString(Scenario.HaLong)}&fromYear=2022");
        Assert.Equal(1, Long(filtered.GetProperty("total"), "fairsHeld"));
        Assert.Equal(1, Long(filtered.GetProperty("total"), "booths"));
        Assert.Equal(0, Long(filtered.GetProperty("total"), "contracts"));
    }

    [Fact]
    public async Task A_fairs_export_reads_back_with_the_figures_of_the_json()
    {
        var json = await _host.GetJsonAsync("/api/reports/fairs?groupBy=year,district");
        var bytes = await _host.Client.GetByteArrayAsync("/api/reports/fairs?groupBy=year,district&format=xlsx");
        var sheet = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(rows.Count + 1, sheet.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].GetProperty("group").GetProperty("year").GetInt32().ToString(), Convert.ToString(sheet[i]["Năm"]));
            Assert.Equal(rows[i].GetProperty("group").GetProperty("district").GetString(), Convert.ToString(sheet[i]["Địa bàn"]));
            Assert.Equal(Long(rows[i], "booths"), Convert.ToInt64(sheet[i]["Số gian hàng"]));
            Assert.Equal(Long(rows[i], "salesValue"), Convert.ToInt64(sheet[i]["Doanh số bán hàng tại hội chợ (đồng)"]));
        }
        Assert.Equal("Tổng cộng", sheet[^1]["Năm"]);
        Assert.Equal(Long(json.GetProperty("total"), "fairsHeld"), Convert.ToInt64(sheet[^1]["Số hội chợ đã tổ chức"]));
        Assert.Equal(Long(json.GetProperty("total"), "totalSupport"), Convert.ToInt64(sheet[^1]["Kinh phí khuyến công hỗ trợ (đồng)"]));
    }

    public static TheoryData<string, string> Groupings() => new()
    {
        { "proposals", "year" }, { "proposals", "district" }, { "proposals", "fundingSource" }, { "proposals", "contentGroup" },
        { "proposals", "sector" }, { "proposals", "status" }, { "proposals", "period" }, { "proposals", "year,district" },
        { "proposals", "district,sector,status" },
        { "outcomes", "year" }, { "outcomes", "district" }, { "outcomes", "fundingSource" }, { "outcomes", "contentGroup" }, { "outcomes", "sector" },
        { "follow-ups", "year" }, { "follow-ups", "district" }, { "follow-ups", "sector" }, { "follow-ups", "fundingSource,contentGroup" },
        { "training", "year" }, { "training", "district" }, { "training", "fundingSource" }, { "training", "sector" }, { "training", "contentGroup,period" },
        { "products", "year" }, { "products", "district" }, { "products", "sector" }, { "products", "level" }, { "products", "group" }, { "products", "level,group" },
        { "fairs", "year" }, { "fairs", "period" }, { "fairs", "district" }, { "fairs", "year,district" },
    };

    [Theory]
    [MemberData(nameof(Groupings))]
    public async Task The_rows_of_every_grouping_add_up_to_the_total(string report, string groupBy)
    {
        var table = await _host.GetJsonAsync($"/api/reports/{report}?groupBy={groupBy}");
        var total = table.GetProperty("total").GetProperty("figures");
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        foreach (var column in table.GetProperty("columns").EnumerateArray())
        {
            var name = column.GetProperty("name").GetString()!;
            if (column.GetProperty("additive").GetBoolean())
            {
                Assert.Equal(total.GetProperty(name).GetInt64(), rows.Sum(r => r.GetProperty("figures").GetProperty(name).GetInt64()));
            }
            else if (name is "establishmentsSupported" or "fairsHeld")
            {
                // Distinct counts: an establishment supported in two districts, or a fair with participants
                // from two districts, counts once in the total.
                Assert.True(rows.Sum(r => r.GetProperty("figures").GetProperty(name).GetInt64()) >= total.GetProperty(name).GetInt64());
            }
        }
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("group").ToString()).Distinct().Count());
    }

    [Fact]
    public async Task Filters_narrow_every_figure_to_their_slice()
    {
        var table = await _host.GetJsonAsync($"/api/reports/proposals?fundingSource=Local&district={Uri.EscapeDataString(Scenario.DongTrieu)}&sector=BuildingMaterials&fromYear=2017&toYear=2017");
        Assert.Equal(1, Long(table.GetProperty("total"), "approved"));
        Assert.Equal(1_000_000_000, Long(table.GetProperty("total"), "stateSupport"));
        var national = await _host.GetJsonAsync("/api/reports/outcomes?fundingSource=National&contentGroup=TypicalProducts");
        Assert.Equal(10, Long(national.GetProperty("total"), "jobsCreated"));
    }

    [Fact]
    public async Task An_xlsx_export_reads_back_with_the_figures_of_the_json_in_vnd_format()
    {
        var json = await _host.GetJsonAsync("/api/reports/proposals?groupBy=year,district");
        using var response = await _host.Client.GetAsync("/api/reports/proposals?groupBy=year,district&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var sheet = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count + 1, sheet.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var year = rows[i].GetProperty("group").GetProperty("year");
            // A draft has no plan year yet: the sheet names it as not known.
            Assert.Equal(year.ValueKind == JsonValueKind.Null ? "(chưa xác định)" : year.GetInt32().ToString(), Convert.ToString(sheet[i]["Năm"]));
            Assert.Equal(Long(rows[i], "stateSupport"), Convert.ToInt64(sheet[i]["Kinh phí khuyến công được phê duyệt (đồng)"]));
            Assert.Equal(Long(rows[i], "proposals"), Convert.ToInt64(sheet[i]["Số đề án"]));
        }
        Assert.Equal("Tổng cộng", sheet[^1]["Năm"]);
        Assert.Equal(Long(json.GetProperty("total"), "ownCapital"), Convert.ToInt64(sheet[^1]["Vốn đối ứng của cơ sở (đồng)"]));

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        Assert.Contains("₫", await styles.ReadToEndAsync());
    }

    [Fact]
    public async Task An_export_names_statuses_groups_and_sources_as_the_web_app_shows_them()
    {
        var json = await _host.GetJsonAsync("/api/reports/proposals?groupBy=status,contentGroup,fundingSource");
        var bytes = await _host.Client.GetByteArrayAsync("/api/reports/proposals?groupBy=status,contentGroup,fundingSource&format=xlsx");

        var sheet = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count + 1, sheet.Count);
        Assert.Contains(rows, r => r.GetProperty("group").GetProperty("status").GetString() == "Draft");
        for (var i = 0; i < rows.Count; i++)
        {
            var group = rows[i].GetProperty("group");
            Assert.Equal(NameOf("ProposalStatus", group.GetProperty("status")), Convert.ToString(sheet[i]["Trạng thái"]));
            Assert.Equal(NameOf("ContentGroup", group.GetProperty("contentGroup")), Convert.ToString(sheet[i]["Nhóm nội dung"]));
            Assert.Equal(NameOf("FundingSource", group.GetProperty("fundingSource")), Convert.ToString(sheet[i]["Nguồn kinh phí"]));
        }
        Assert.Contains(sheet, row => Convert.ToString(row["Trạng thái"]) == "Bản nháp");

        static string NameOf(string code, JsonElement value) => value.ValueKind == JsonValueKind.String
            ? KhuyenCong.Contracts.CodeNames.Of(code, value.GetString()!)!.Vietnamese
            : "(chưa xác định)";
    }

    /// <summary>A district officer of Đông Triều, placed in its district by the registry copy (its account names none).</summary>
    private static readonly TestUser DongTrieuOfficer = TestUser.DistrictOfficer("dong-trieu");

    private static string InDistrict(string district) => $"district={Uri.EscapeDataString(district)}";

    private async Task<JsonElement> JsonAsAsync(TestUser user, string path)
    {
        using var response = await _host.ClientAs(user).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [InlineData("proposals")]
    [InlineData("outcomes")]
    [InlineData("follow-ups")]
    [InlineData("training")]
    [InlineData("fairs")]
    [InlineData("products")]
    public async Task A_district_officer_reads_every_report_over_its_own_district_only(string report)
    {
        var own = await JsonAsAsync(DongTrieuOfficer, $"/api/reports/{report}");
        var byDistrict = await JsonAsAsync(DongTrieuOfficer, $"/api/reports/{report}?groupBy=district,year");
        var leadersView = await _host.GetJsonAsync($"/api/reports/{report}?{InDistrict(Scenario.DongTrieu)}");

        Assert.Equal(leadersView.GetProperty("total").GetProperty("figures").GetRawText(), own.GetProperty("total").GetProperty("figures").GetRawText());
        Assert.Equal(Scenario.DongTrieu, own.GetProperty("filter").GetProperty("district").GetString());
        Assert.All(byDistrict.GetProperty("rows").EnumerateArray(), r => Assert.Equal(Scenario.DongTrieu, r.GetProperty("group").GetProperty("district").GetString()));
        Assert.Equal(own.GetProperty("total").GetProperty("figures").GetRawText(), byDistrict.GetProperty("total").GetProperty("figures").GetRawText());
    }

    [Fact]
    public async Task A_district_officers_totals_are_those_of_its_district_not_the_provinces()
    {
        var province = await _host.GetJsonAsync("/api/reports/proposals?groupBy=district");
        var own = await JsonAsAsync(DongTrieuOfficer, "/api/reports/proposals");

        Assert.Equal(2, Long(own.GetProperty("total"), "proposals"));
        Assert.Equal(Long(Row(province, ("district", Scenario.DongTrieu)), "proposals"), Long(own.GetProperty("total"), "proposals"));
        Assert.Equal(5, Long(province.GetProperty("total"), "proposals"));
    }

    [Fact]
    public async Task A_district_officer_asking_for_another_district_is_refused_and_for_its_own_is_answered()
    {
        var client = _host.ClientAs(DongTrieuOfficer);

        using var other = await client.GetAsync($"/api/reports/proposals?{InDistrict(Scenario.HaLong)}");
        using var otherExport = await client.GetAsync($"/api/reports/fairs?{InDistrict(Scenario.HaLong)}&format=xlsx");
        using var own = await client.GetAsync($"/api/reports/proposals?{InDistrict(Scenario.DongTrieu)}");

        foreach (var refused in new[] { other, otherExport })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("/errors/out-of-scope", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_district_officers_csv_and_xlsx_exports_hold_its_district_only()
    {
        var client = _host.ClientAs(DongTrieuOfficer);
        var json = await JsonAsAsync(DongTrieuOfficer, "/api/reports/training?groupBy=district");

        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/reports/training?groupBy=district&format=csv"))[3..]);
        var xlsx = await client.GetByteArrayAsync("/api/reports/proposals?groupBy=district,year&format=xlsx");
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        Assert.DoesNotContain(Scenario.HaLong, csv);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var enrolled = Array.IndexOf(lines[0].Split(','), "Số học viên");
        Assert.Equal(Long(json.GetProperty("total"), "enrolled").ToString(), lines[^1].Split(',')[enrolled]);
        Assert.NotEmpty(sheet);
        Assert.DoesNotContain(sheet, row => row.Values.Any(v => Convert.ToString(v) == Scenario.HaLong));
        Assert.Contains(sheet, row => Convert.ToString(row["Địa bàn"]) == Scenario.DongTrieu);
    }

    [Fact]
    public async Task A_district_officers_summary_and_period_report_cover_its_district()
    {
        var summary = await JsonAsAsync(DongTrieuOfficer, "/api/reports/summary");
        var periods = await JsonAsAsync(DongTrieuOfficer, "/api/reports/periods");
        var leadersView = await _host.GetJsonAsync($"/api/reports/proposals?{InDistrict(Scenario.DongTrieu)}");
        var leadersPeriods = await _host.GetJsonAsync("/api/reports/periods");
        var xlsx = await _host.ClientAs(DongTrieuOfficer).GetByteArrayAsync("/api/reports/periods?format=xlsx");
        var sheet = MiniExcel.Query(new MemoryStream(xlsx)).Cast<IDictionary<string, object>>().ToList();

        static long Approved(JsonElement report) => report.GetProperty("periods").EnumerateArray().Sum(p => p.GetProperty("approvedProposals").GetInt64());
        Assert.Equal(Long(leadersView.GetProperty("total"), "approved"), summary.GetProperty("proposals").GetInt32());
        Assert.Equal(Long(leadersView.GetProperty("total"), "stateSupport"), summary.GetProperty("stateSupport").GetInt64());
        Assert.Equal(Scenario.DongTrieu, summary.GetProperty("district").GetString());
        Assert.Equal(Long(leadersView.GetProperty("total"), "approved"), Approved(periods));
        Assert.True(Approved(periods) < Approved(leadersPeriods));
        Assert.Equal(Scenario.DongTrieu, periods.GetProperty("district").GetString());
        Assert.Contains(Scenario.DongTrieu, Convert.ToString(sheet[1].Values.First()));
    }

    [Fact]
    public async Task A_district_officer_is_placed_by_its_accounts_district_when_the_registry_has_none_of_its_unit()
    {
        var haLongOfficer = TestUser.DistrictOfficer("ha-long", Scenario.HaLong);
        var own = await JsonAsAsync(haLongOfficer, "/api/reports/proposals");
        var leadersView = await _host.GetJsonAsync($"/api/reports/proposals?{InDistrict(Scenario.HaLong)}");

        Assert.Equal(leadersView.GetProperty("total").GetProperty("figures").GetRawText(), own.GetProperty("total").GetProperty("figures").GetRawText());
    }

    [Fact]
    public async Task A_district_officer_whose_unit_cannot_be_placed_in_a_district_reads_nothing()
    {
        var client = _host.ClientAs(TestUser.DistrictOfficer("mong-cai"));

        foreach (var path in new[] { "/api/reports/proposals", "/api/reports/summary", "/api/reports/periods", "/api/reports/fairs?format=csv" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("/errors/out-of-scope", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task A_csv_export_has_a_bom_vietnamese_headers_and_the_figures_of_the_json()
    {
        var json = await _host.GetJsonAsync("/api/reports/training?groupBy=district");
        var bytes = await _host.Client.GetByteArrayAsync("/api/reports/training?groupBy=district&format=csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines[0].Split(',');
        Assert.Equal("Địa bàn", headers[0]);
        var enrolled = Array.IndexOf(headers, "Số học viên");
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count + 2, lines.Length);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(Long(rows[i], "enrolled").ToString(), lines[i + 1].Split(',')[enrolled]);
        }
        Assert.Equal($"Tổng cộng", lines[^1].Split(',')[0]);
    }

    [Fact]
    public async Task The_period_report_sets_the_programme_periods_side_by_side()
    {
        var report = await _host.GetJsonAsync("/api/reports/periods");
        var periods = report.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(["2014–2020", "2021–2025", "2026–2030"], periods.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal(2, periods[0].GetProperty("approvedProposals").GetInt64());
        Assert.Equal("1 : 3,33", periods[0].GetProperty("leverageText").GetString());
        Assert.Equal(30, periods[0].GetProperty("jobsCreated").GetInt64());
        Assert.Equal(25, periods[0].GetProperty("traineesEnrolled").GetInt64());
        Assert.Equal(1, periods[0].GetProperty("productsRecognised").GetInt64());
        Assert.Equal(2, periods[1].GetProperty("productsRecognised").GetInt64());
        Assert.Equal(1, periods[0].GetProperty("fairsHeld").GetInt64());
        Assert.Equal(2, periods[0].GetProperty("booths").GetInt64());
        Assert.Equal(4, periods[0].GetProperty("fairContracts").GetInt64());
        Assert.Equal(450_000_000, periods[0].GetProperty("fairContractValue").GetInt64());
        Assert.Equal(80_000_000, periods[0].GetProperty("fairSales").GetInt64());
        Assert.Equal(3, periods[1].GetProperty("booths").GetInt64());
        Assert.Equal(90_000_000, periods[1].GetProperty("fairSales").GetInt64());
        Assert.Equal(0, periods[2].GetProperty("fairsHeld").GetInt64());

        var bytes = await _host.Client.GetByteArrayAsync("/api/reports/periods?format=xlsx");
        var sheet = new MemoryStream(bytes).Query().Cast<IDictionary<string, object>>().ToList();
        Assert.StartsWith("BÁO CÁO", (string)sheet[0]["A"]);
        Assert.Equal("Giai đoạn 2014–2020", sheet[2]["D"]);
        Assert.Equal("Số đề án được phê duyệt", sheet[3]["B"]);
        Assert.Equal(2, Convert.ToInt64(sheet[3]["D"]));
        var fairSales = sheet.Single(row => Equals(row["B"], "Doanh số bán hàng tại hội chợ"));
        Assert.Equal(80_000_000, Convert.ToInt64(fairSales["D"]));
        Assert.Equal(90_000_000, Convert.ToInt64(fairSales["E"]));
    }

    [Fact]
    public async Task Rebuilding_from_the_ledger_reproduces_the_live_read_models()
    {
        var live = await _host.ReadModelsAsync();
        using var response = await _host.ClientAs(TestUser.Officer).PostAsync("/api/reports/admin/rebuild", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Scenario.Events.Count, result.GetProperty("eventsReplayed").GetInt64());
        Assert.Equal(5, result.GetProperty("proposals").GetInt32());
        Assert.Equal(4, result.GetProperty("fairs").GetInt32());
        Assert.Equal(7, result.GetProperty("fairParticipants").GetInt32());

        var rebuilt = await _host.ReadModelsAsync();
        foreach (var (table, rows) in live)
        {
            Assert.True(rows.Length > 0, $"{table} is empty");
            Assert.True(rows == rebuilt[table], $"{table} differs after the rebuild:\nlive:\n{rows}\nrebuilt:\n{rebuilt[table]}");
        }
    }

    [Theory]
    [InlineData("/api/reports/proposals?groupBy=colour", "groupBy")]
    [InlineData("/api/reports/products?fundingSource=Local", "fundingSource")]
    [InlineData("/api/reports/fairs?sector=Ceramics", "sector")]
    [InlineData("/api/reports/proposals?sector=Plastics", "sector")]
    [InlineData("/api/reports/proposals?format=docx", "format")]
    [InlineData("/api/reports/training?fromYear=2020&toYear=2019", "fromYear")]
    [InlineData("/api/reports/periods?format=csv", "format")]
    public async Task A_report_request_it_cannot_answer_is_a_400_naming_the_field(string path, string field)
    {
        using var response = await _host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/errors/validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }
}
