extern alias WebApp;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Contracts;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using MiniExcelLibs;
using WebApp::KhuyenCong.Web.Api;
using WebApp::KhuyenCong.Web.Exports;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Every page with a form or a command, in Vietnamese mode, provoked as a person provokes it (saving an empty form,
/// a value typed wrong, a step the record's state refuses, a business rule broken): what the page then shows (alerts,
/// the messages under fields, confirmations, snackbars, the page around them) holds no English, no API field name
/// and no code identifier, and none of the English messages the same refusal has in English.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class VietnameseRefusalTests(WebFixture web)
{
    /// <summary>The pages the sweep provokes, by their file under <c>Components/Pages</c>, each with the test that does.</summary>
    public static readonly IReadOnlyDictionary<string, string> Swept = new Dictionary<string, string>
    {
        ["Proposals/ProposalEdit.razor"] = nameof(A_proposal_saved_empty_is_refused_in_Vietnamese),
        ["Proposals/ProposalDetail.razor"] = nameof(Approving_above_the_norm_approving_twice_and_starting_without_a_contract_are_refused_in_Vietnamese),
        ["Training/CourseNew.razor"] = nameof(A_course_plan_saved_empty_or_ending_before_it_starts_is_refused_in_Vietnamese),
        ["Training/CourseDetail.razor"] = nameof(Enrolling_a_trainee_without_a_name_is_refused_in_Vietnamese),
        ["Fairs/FairNew.razor"] = nameof(A_fair_saved_empty_is_refused_in_Vietnamese),
        ["Fairs/FairDetail.razor"] = nameof(A_fair_registration_for_an_unknown_establishment_and_too_many_booths_is_refused_in_Vietnamese),
        ["Products/CompetitionNew.razor"] = nameof(A_competition_saved_empty_is_refused_in_Vietnamese),
        ["Products/CompetitionDetail.razor"] = nameof(An_empty_council_and_opening_a_competition_twice_are_refused_in_Vietnamese),
        ["Products/HolderReports.razor"] = nameof(A_yearly_report_on_a_year_before_the_certificate_is_refused_in_Vietnamese),
        ["Establishments/EstablishmentEdit.razor"] = nameof(An_establishment_saved_empty_or_with_a_wrong_tax_code_is_refused_in_Vietnamese),
        ["Users/Users.razor"] = nameof(A_user_with_a_weak_password_is_refused_in_Vietnamese_naming_the_password_rules),
        ["Reports/Reports.razor"] = nameof(A_report_whose_years_run_backwards_is_refused_in_Vietnamese),
        ["Planning/Budget.razor"] = nameof(PlanningPagesTests.An_officer_records_an_allocation_and_an_addition_and_a_cut_beyond_the_envelope_is_refused_in_Vietnamese),
        ["Planning/Plans.razor"] = nameof(PlanningPagesTests.An_officer_compiles_the_plan_approves_it_by_decision_and_compiles_a_revision_and_a_decision_dated_ahead_is_refused_in_Vietnamese),
        ["Planning/National.razor"] = nameof(NationalPageTests.An_officer_sends_the_years_national_list_to_the_Ministry_and_records_its_decision_and_an_unchecked_dossier_is_refused_in_Vietnamese),
        ["Planning/Consolidations.razor"] = nameof(ConsolidationsPageTests.A_district_officer_consolidates_the_units_proposals_and_sends_them_by_dispatch_and_the_Centre_sees_it_sent),
        ["Planning/Calls.razor"] = nameof(PlanningPagesTests.An_officer_opens_a_call_whose_deadline_starts_at_20_May_of_the_year_before_and_closes_it_and_an_empty_call_is_refused_in_Vietnamese),
    };

    private PlatformApi Platform => new(web.Gateway, web.Accounts);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task A_proposal_saved_empty_is_refused_in_Vietnamese()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/proposals/new");
        await page.ClickButtonAsync("Lưu bản nháp");

        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, "/api/proposals", new { }));
    }

    [Fact]
    public async Task Approving_above_the_norm_approving_twice_and_starting_without_a_contract_are_refused_in_Vietnamese()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, Today.Year, unit: "dk-van-don"));
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");

        // A support far above what the norm and the request allow.
        var approval = page.Section("Phê duyệt");
        await approval.FillFieldAsync("Kinh phí hỗ trợ được duyệt", "5000000000");
        await approval.FillFieldAsync("Số quyết định", "21/QĐ-SCT");
        await approval.ClickButtonAsync("Phê duyệt");
        await Expect(page.Confirmation()).ToBeVisibleAsync();
        await page.AssertNoEnglishAsync();
        await page.ConfirmAsync("Phê duyệt");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/approve",
            new { approvedSupport = 5_000_000_000, decisionNumber = "21/QĐ-SCT", decisionDate = Today }));

        // Approved meanwhile on another screen: this page still offers the step, which the proposal's state now refuses.
        await journey.ApproveAsync(id, 300_000_000, Today.ToString("yyyy-MM-dd"));
        await approval.FillFieldAsync("Kinh phí hỗ trợ được duyệt", "300000000");
        await approval.ClickButtonAsync("Phê duyệt");
        await page.ConfirmAsync("Phê duyệt");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/approve",
            new { approvedSupport = 300_000_000, decisionNumber = "21/QĐ-SCT", decisionDate = Today }));

        await page.OpenAsync($"/proposals/{id}");
        await page.ClickButtonAsync("Bắt đầu thực hiện");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/implementation", new { }));
    }

    /// <summary>
    /// The proposal's later steps, each provoked: a return without a reason; an advance above its limit and one paid
    /// before the contract; an acceptance dated before the contract; a cancellation without reason or decision; a
    /// settlement above the support used; a follow-up evaluation with a rating out of range.
    /// </summary>
    [Fact]
    public async Task The_proposals_later_steps_refused_read_in_Vietnamese()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, Today.Year, unit: "dk-van-don"));
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");

        await page.ClickButtonAsync("Thao tác khác");
        await page.Section("Trả lại, không phê duyệt hoặc hủy").ClickButtonAsync("Trả lại để chỉnh sửa");
        await page.ConfirmAsync("Trả lại");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/return", new { }));

        await journey.ApproveAsync(id, 300_000_000, Today.AddDays(-2).ToString("yyyy-MM-dd"));
        await journey.PostAsync(id, "implementation", new { contractNumber = $"HĐ-VN/{Today.Year}", signedOn = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        await page.OpenAsync($"/proposals/{id}");

        var payment = page.Section("Chi trả kinh phí");
        await payment.FillFieldAsync("Số tiền", "5000000000");
        await payment.ClickButtonAsync("Ghi nhận chi trả");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/payments",
            new { kind = "Advance", amount = 5_000_000_000, paidOn = Today }));

        // Each step on a fresh page, so that the refusal checked is the one just provoked.
        await page.OpenAsync($"/proposals/{id}");
        await payment.FillFieldAsync("Số tiền", "10000000");
        await page.TypeDateAsync("Ngày chi", "02/01/2020");
        await payment.ClickButtonAsync("Ghi nhận chi trả");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/payments",
            new { kind = "Advance", amount = 10_000_000, paidOn = "2020-01-02" }));

        await page.OpenAsync($"/proposals/{id}");
        var acceptance = page.Section("Nghiệm thu");
        await page.TypeDateAsync("Ngày nghiệm thu", "02/01/2020");
        await acceptance.ClickButtonAsync("Nghiệm thu đề án");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/accept", new
        {
            acceptedOn = "2020-01-02", actualTotalSpend = 1_000_000_000, actualSupportUsed = 300_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 10, averageWage = 5_000_000, outputs = "Dây chuyền sao chè",
        }));

        await page.OpenAsync($"/proposals/{id}");
        await page.ClickButtonAsync("Thao tác khác");
        await page.Section("Trả lại, không phê duyệt hoặc hủy").ClickButtonAsync("Hủy đề án");
        await page.ConfirmAsync("Hủy đề án");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/cancel", new { }));

        var accepted = await journey.PostAsync(id, "accept", new
        {
            acceptedOn = Today, actualTotalSpend = 1_000_000_000, actualSupportUsed = 300_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 10, averageWage = 5_000_000, outputs = "Dây chuyền sao chè",
        });
        var followUp = accepted.GetProperty("followUps")[0].GetProperty("id").GetString();
        await page.OpenAsync($"/proposals/{id}");

        var settlement = page.Section("Quyết toán");
        await settlement.FillFieldAsync("Kinh phí quyết toán", "5000000000");
        await settlement.ClickButtonAsync("Quyết toán");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/settle",
            new { settledSupport = 5_000_000_000, settledOn = Today }));

        await page.OpenAsync($"/proposals/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập kết quả đánh giá", Exact = true }).First.ClickAsync();
        await page.FillFieldAsync("Xếp loại (1–5)", "9");
        await page.ClickButtonAsync("Ghi nhận đánh giá");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/proposals/{id}/follow-ups/{followUp}",
            new { evaluatedOn = Today, jobs = 10, equipmentInUse = true, rating = 9 }));
    }

    [Fact]
    public async Task A_course_plan_saved_empty_or_ending_before_it_starts_is_refused_in_Vietnamese()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/training/courses/new");
        await page.ClickButtonAsync("Lưu kế hoạch");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, "/api/training/courses", new { }));

        await page.TypeDateAsync("Ngày khai giảng", "20/10/2027");
        await page.TypeDateAsync("Ngày kết thúc", "01/10/2027");
        await page.ClickButtonAsync("Lưu kế hoạch");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, "/api/training/courses",
            new { startDate = "2027-10-20", endDate = "2027-10-01" }));
    }

    [Fact]
    public async Task Enrolling_a_trainee_without_a_name_is_refused_in_Vietnamese()
    {
        var id = await Platform.PlanCourseAsync($"Chế biến chè {Guid.NewGuid():N}"[..22]);
        Assert.True((await web.Gateway.PostAsync($"/api/training/courses/{id}/open", null)).IsSuccessStatusCode);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/training/courses/{id}");

        await page.ClickButtonAsync("Đăng ký và ghi danh");
        await page.AssertRefusedInVietnameseAsync();
    }

    [Fact]
    public async Task A_fair_saved_empty_is_refused_in_Vietnamese()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/fairs/new");
        await page.ClickButtonAsync("Lưu hội chợ");

        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, "/api/fairs", new { }));
    }

    [Fact]
    public async Task A_fair_registration_for_an_unknown_establishment_and_too_many_booths_is_refused_in_Vietnamese()
    {
        var id = await Platform.PublishFairAsync($"Hội chợ OCOP {Guid.NewGuid():N}"[..22]);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/fairs/{id}");

        await page.ClickButtonAsync("Đăng ký");
        await page.AssertRefusedInVietnameseAsync();

        await page.FillFieldAsync("Mã số thuế cơ sở", PlatformApi.NewTaxCode());
        await page.FillFieldAsync("Sản phẩm trưng bày (cách nhau bằng dấu phẩy)", "Chè búp khô");
        await page.FillFieldAsync("Số gian hàng đăng ký", "500");
        await page.ClickButtonAsync("Đăng ký");
        await page.AssertRefusedInVietnameseAsync();
    }

    [Fact]
    public async Task A_competition_saved_empty_is_refused_in_Vietnamese()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/products/competitions/new");
        await page.ClickButtonAsync("Lưu");

        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, "/api/products/competitions", new { }));
    }

    [Fact]
    public async Task A_yearly_report_on_a_year_before_the_certificate_is_refused_in_Vietnamese()
    {
        var taxCode = await Platform.RegisterEstablishmentAsync("HTX Nấm linh chi Đông Triều");
        await Platform.RecogniseProductAsync(taxCode, "Nấm linh chi " + taxCode);
        var certificates = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/certificates?establishmentTaxCode={taxCode}");
        var certificate = certificates.GetProperty("items")[0].GetProperty("id").GetGuid();
        var yearBefore = Today.Year - 1;
        var page = await web.SignedInPageAsync(WebUsers.Establishment(taxCode));
        await page.OpenAsync("/products/certificates/reports");
        await page.FillFieldAsync("Năm báo cáo", yearBefore.ToString(CultureInfo.InvariantCulture));
        await page.FillFieldAsync("Kết quả hỗ trợ từ khuyến công và các chính sách của Nhà nước", "Được hỗ trợ máy sấy");
        await page.FillFieldAsync("Tình hình sản xuất, kinh doanh (sản lượng, thị trường)", "Sản xuất 2 tấn nấm");
        await page.FillFieldAsync("Doanh thu trong năm", "300000000");
        await page.FillFieldAsync("Số lao động", "8");
        await page.ClickButtonAsync("Nộp báo cáo");

        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/products/certificates/{certificate}/holder-reports", new
        {
            year = yearBefore, supportResults = "Được hỗ trợ máy sấy", productionAndBusiness = "Sản xuất 2 tấn nấm", revenue = 300_000_000, employees = 8,
        }));
    }

    [Fact]
    public async Task An_empty_council_and_opening_a_competition_twice_are_refused_in_Vietnamese()
    {
        var opens = Today.AddDays(10);
        var created = await web.Gateway.PostAsJsonAsync("/api/products/competitions", new
        {
            title = $"Bình chọn cấp huyện {Guid.NewGuid():N}"[..28], level = "District", year = opens.Year, district = "Hải Hà",
            registrationOpensOn = opens, registrationClosesOn = opens.AddDays(30),
            scheduleDecisionNumber = opens.Year % 2 == 0 ? "15/QĐ-UBND" : null, scheduleDecisionDate = opens.Year % 2 == 0 ? Today : (DateOnly?)null,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/products/competitions/{id}");

        await page.ClickButtonAsync("Lưu hội đồng");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Put, $"/api/products/competitions/{id}/council",
            new { members = Array.Empty<object>() }));

        // Seated and opened meanwhile on another screen: this page still offers the step, which the competition's state now refuses.
        var jury = await web.Accounts.JuryAsync(5);
        var council = await web.Gateway.PutAsJsonAsync($"/api/products/competitions/{id}/council", new
        {
            members = jury.Select((juror, i) => new { userId = juror.UserId, position = i == 0 ? "Chủ tịch hội đồng" : "Ủy viên", chair = i == 0 }),
        });
        Assert.True(council.IsSuccessStatusCode, await council.Content.ReadAsStringAsync());
        await page.OpenAsync($"/products/competitions/{id}");
        Assert.True((await web.Gateway.PostAsync($"/api/products/competitions/{id}/open", null)).IsSuccessStatusCode);
        await page.ClickButtonAsync("Thông báo nhận hồ sơ");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, $"/api/products/competitions/{id}/open", new { }));
    }

    [Fact]
    public async Task An_establishment_saved_empty_or_with_a_wrong_tax_code_is_refused_in_Vietnamese()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/establishments/new");
        await page.ClickButtonAsync("Đăng ký");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, "/api/establishments", new { }));

        await page.FillFieldAsync("Mã số thuế / số ĐKKD", "0100109107");
        await page.FillFieldAsync("Tên cơ sở", "Hợp tác xã chè Đường Hoa");
        await page.ClickButtonAsync("Đăng ký");
        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, "/api/establishments",
            new { taxCode = "0100109107", name = "Hợp tác xã chè Đường Hoa" }));
    }

    [Fact]
    public async Task A_user_with_a_weak_password_is_refused_in_Vietnamese_naming_the_password_rules()
    {
        var page = await web.SignedInPageAsync(web.Admin);
        await page.OpenAsync("/users");
        var userName = $"nguoi-dung-{Guid.NewGuid():N}"[..20];
        await page.FillFieldAsync("Tên đăng nhập", userName);
        await page.FillFieldAsync("Họ tên", "Đỗ Văn Nam");
        await page.FillFieldAsync("Mật khẩu ban đầu", "abcdefghijk");
        await page.GetByLabel("Cán bộ Trung tâm", new() { Exact = true }).CheckAsync();
        await page.ClickButtonAsync("Tạo người dùng");

        await Expect(page.GetByText(new Regex("có ít nhất một chữ hoa\\.")).First).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex("có ít nhất một chữ số\\.")).First).ToBeVisibleAsync();

        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Post, "/api/users",
            new { userName, displayName = "Đỗ Văn Nam", password = "abcdefghijk", roles = new[] { "Officer" } }));
    }

    [Fact]
    public async Task A_report_whose_years_run_backwards_is_refused_in_Vietnamese()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/reports");
        await page.FillFieldAsync("Từ năm", "2030");
        await page.FillFieldAsync("Đến năm", "2020");
        await page.ClickButtonAsync("Xem báo cáo");

        await page.AssertRefusedInVietnameseAsync(await EnglishAnswerAsync(HttpMethod.Get, "/api/reports/summary?fromYear=2030&toYear=2020", null));
    }

    /// <summary>
    /// The pages people read with the demo data loaded: lists, figures and their chart captions, the proposal timeline,
    /// a fair's booth allocation with its reasons, the leader's home.
    /// </summary>
    [Fact]
    public async Task The_pages_people_read_show_no_English()
    {
        await web.WaitForDemoDataAsync();
        var taxCode = await Platform.RegisterEstablishmentAsync($"Hợp tác xã chè {Guid.NewGuid():N}"[..24]);
        var fair = await Platform.PublishFairAsync($"Hội chợ nông sản {Guid.NewGuid():N}"[..26]);
        await Platform.RegisterForFairAsync(fair, taxCode, booths: 2);
        await Platform.AllocateBoothsAsync(fair);
        var proposal = (await web.Gateway.GetFromJsonAsync<JsonElement>("/api/proposals?status=Closed&pageSize=1"))
            .GetProperty("items")[0].GetProperty("id").GetString();

        var officer = await web.SignedInPageAsync(WebUsers.Officer);
        foreach (var path in new[]
        {
            "/", "/establishments", "/proposals", $"/proposals/{proposal}", "/proposals/follow-ups?status=Overdue", "/training", "/fairs",
            $"/fairs/{fair}", "/products", "/products/certificates", "/reports", "/search?q=ch%C3%A8", "/catalogue",
        })
        {
            await officer.OpenAsync(path);
            await officer.AssertNoEnglishAsync();
        }
        var leader = await web.SignedInPageAsync(WebUsers.Leader);
        await leader.OpenAsync("/");
        await leader.AssertNoEnglishAsync();
    }

    /// <summary>
    /// Every list and report a person downloads, with the demo data: the column headers and the cells (statuses, kinds,
    /// funding sources, levels) are Vietnamese, never a code's or a property's name, in the spreadsheet and the CSV alike.
    /// </summary>
    [Fact]
    public async Task The_downloaded_lists_and_reports_name_their_columns_and_codes_in_Vietnamese()
    {
        await web.WaitForDemoDataAsync();
        var officer = await web.SignedInPageAsync(WebUsers.Officer);
        var admin = await web.SignedInPageAsync(web.Admin);
        var downloads = new List<(IPage Page, string Path)>();
        foreach (var list in new[]
                 {
                     ListExports.Proposals, ListExports.Establishments, ListExports.Courses, ListExports.Fairs, ListExports.Certificates,
                     ListExports.FollowUps, ListExports.Competitions,
                 })
        {
            downloads.Add((officer, ListExports.Link(list, "", ListFileFormat.Xlsx)));
            downloads.Add((officer, ListExports.Link(list, "", ListFileFormat.CsvVietnamese)));
        }
        downloads.Add((admin, ListExports.Link(ListExports.Users, "", ListFileFormat.Xlsx)));
        downloads.Add((admin, ListExports.Link(ListExports.Users, "", ListFileFormat.Csv)));
        foreach (var report in ReportKind.All.Where(r => r.Exports))
        {
            var query = new ReportQuery { FromYear = 2014, ToYear = 2025, GroupBy = [.. report.Dimensions.Where(d => d.Name != "period").Select(d => d.Name).Take(2)] };
            downloads.Add((officer, ReportFiles.Link(report, query, "xlsx")));
            if (report.ExportsCsv)
            {
                downloads.Add((officer, ReportFiles.Link(report, query, "csv")));
            }
        }

        foreach (var (page, path) in downloads)
        {
            var answer = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), path).ToString());
            Assert.True(answer.Ok, $"{path}: {answer.Status}");
            var content = await answer.BodyAsync();
            var text = path.Contains("format=xlsx", StringComparison.Ordinal)
                ? string.Join("\n", MiniExcel.Query(new MemoryStream(content), useHeaderRow: false).Cast<IDictionary<string, object?>>()
                    .Select(row => string.Join(" | ", row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))))
                : System.Text.Encoding.UTF8.GetString(content);
            Assert.True(text.Split('\n').Length > 1, $"{path} holds no rows:\n{text}");
            var english = VietnameseOnly.EnglishIn(text);
            Assert.True(english.Count == 0, $"{path} shows English ({string.Join(", ", english)}):\n{text[..Math.Min(text.Length, 3000)]}");
        }
    }

    /// <summary>Every message of the answer the platform gives the same request in English: the page must show none of them.</summary>
    private async Task<IReadOnlyList<string>> EnglishAnswerAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var answer = await web.Gateway.SendAsync(request);
        Assert.False(answer.IsSuccessStatusCode, $"{method} {path} was taken: {await answer.Content.ReadAsStringAsync()}");
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var messages = new List<string>();
        foreach (var name in new[] { "title", "detail" })
        {
            if (problem.TryGetProperty(name, out var text) && text.GetString() is { Length: > 0 } value)
            {
                messages.Add(value);
            }
        }
        if (problem.TryGetProperty("errors", out var errors))
        {
            messages.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!));
        }
        Assert.NotEmpty(messages);
        return messages;
    }
}

/// <summary>What a page in Vietnamese mode may not show: English words, the API's field names, the code's identifiers.</summary>
public static partial class VietnameseOnly
{
    /// <summary>Words of the services' and the framework's English messages that no Vietnamese sentence contains.</summary>
    [GeneratedRegex(@"\b(must|required|invalid|not found|cannot|can't|field|value|should|allowed|unknown|parameter|between|characters?|please|error|failed|exceeds?|greater|missing|already|forbidden|denied|the|is|are|only|request|operation|takes)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();

    /// <summary>camelCase (<c>contractDate</c>) and PascalCase compounds (<c>UnderAppraisal</c>): names from code, not from people.</summary>
    [GeneratedRegex(@"\b([a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*)\b")]
    private static partial Regex CodeName();

    /// <summary>The names of the shared enums' members (<c>Draft</c>, <c>Cooperative</c>) and the API's field names of four letters or more.</summary>
    private static readonly HashSet<string> Identifiers =
    [
        .. typeof(FieldLabels).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).SelectMany(Enum.GetNames),
        .. FieldLabels.All.Keys.Where(k => k.Length >= 4 && k.All(char.IsAsciiLetter)),
    ];

    /// <summary>The English a text shows, each finding once; empty when it is all Vietnamese.</summary>
    public static IReadOnlyList<string> EnglishIn(string text) =>
    [
        .. EnglishWord().Matches(text).Select(m => m.Value)
            .Concat(CodeName().Matches(text).Select(m => m.Value))
            .Concat(Regex.Matches(text, @"\b[A-Za-z]{4,}\b").Select(m => m.Value).Where(Identifiers.Contains))
            .Distinct(),
    ];

    /// <summary>
    /// Everything the page shows now, its dialogs and snackbars included (all in the body), and what it reads out: the
    /// names of its buttons and controls, their tooltips and placeholders.
    /// </summary>
    public static async Task AssertNoEnglishAsync(this IPage page, IReadOnlyList<string>? englishAnswer = null)
    {
        var names = await page.Locator("body [aria-label], body [title], body [placeholder]").EvaluateAllAsync<string[]>(
            "elements => elements.map(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a) ?? '').join(' '))");
        var shown = await page.Locator("body").InnerTextAsync() + "\n" + string.Join("\n", names);
        var english = EnglishIn(shown);
        Assert.True(english.Count == 0, $"{page.Url} shows English ({string.Join(", ", english)}):\n{shown}");
        foreach (var message in englishAnswer ?? [])
        {
            Assert.DoesNotContain(message, shown, StringComparison.Ordinal);
        }
    }

    /// <summary>Waits for the refusal (an alert beside the action, a message under a field or a list), then checks the whole page.</summary>
    public static async Task AssertRefusedInVietnameseAsync(this IPage page, IReadOnlyList<string>? englishAnswer = null)
    {
        await Expect(page.Locator("[data-testid='problem'], .mud-input-helper-text.mud-input-error, .mud-error-text").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.AssertNoEnglishAsync(englishAnswer);
    }

    /// <summary>Types a date with the keyboard, dd/MM/yyyy, and leaves the field.</summary>
    public static async Task TypeDateAsync(this IPage page, string label, string date)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync("");
        await field.PressSequentiallyAsync(date);
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync(date);
    }
}

/// <summary>A page with a form or a command that the sweep does not provoke is noticed.</summary>
public sealed class VietnameseRefusalCoverageTests
{
    /// <summary>
    /// Pages whose commands take nothing a person can get wrong, with the reason; a refusal there can only come from
    /// the platform (a service down), which every page reads in Vietnamese through the same path (ApiProblemTests).
    /// </summary>
    private static readonly Dictionary<string, string> NothingToRefuse = new()
    {
        ["Tasks/Tasks.razor"] = "the reminder preferences are switches and check boxes of the known task kinds",
    };

    [Fact]
    public void Every_page_with_a_form_or_a_command_is_in_the_sweep()
    {
        var pages = PagesDirectory();
        var files = Directory.GetFiles(pages, "*.razor", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(pages, f).Replace('\\', '/'), File.ReadAllText);
        static bool Commands(string razor) => razor.Contains("RunAsync(", StringComparison.Ordinal) || razor.Contains("<CommandButton", StringComparison.Ordinal);
        var forms = files.Where(f => !f.Value.Contains("@page", StringComparison.Ordinal) && Commands(f.Value))
            .Select(f => Path.GetFileNameWithoutExtension(f.Key)).ToList();
        var withForms = files
            .Where(f => f.Value.Contains("@page", StringComparison.Ordinal)
                        && (Commands(f.Value) || forms.Any(form => f.Value.Contains("<" + form, StringComparison.Ordinal))))
            .Select(f => f.Key).Order().ToList();

        Assert.NotEmpty(withForms);
        Assert.Equal(withForms, VietnameseRefusalTests.Swept.Keys.Concat(NothingToRefuse.Keys).Order().ToList());
    }

    private static string PagesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var pages = Path.Combine(dir.FullName, "src", "Web", "Components", "Pages");
            if (File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln")) && Directory.Exists(pages))
            {
                return pages;
            }
        }
        throw new DirectoryNotFoundException("the web app's pages were not found above " + AppContext.BaseDirectory);
    }
}
