using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Every form with a date field, typed as a person types (dd/MM/yyyy keystrokes): the record gets exactly the typed days,
/// whether the person leaves the field before the command or clicks it straight from the field; a day that does not
/// exist, or an end before its start, is said under the field in Vietnamese and nothing is stored. A command that asks
/// for a confirmation does not ask while a field does not read: it names the field at once.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TypedDateFormsTests(WebFixture web)
{
    private const string NoDate = "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 25/03/2026.";

    private static readonly string[] FormNames =
    [
        "FairNew", "CompetitionNew", "CompetitionEntry", "CompetitionResults", "EstablishmentNew", "CourseSession",
        "ApprovalForm", "ImplementationContractForm", "PaymentForm", "SettlementForm", "ReturnOrCancelForm", "FollowUpRow",
        "CallOpen", "PlanApproval", "PlanRevisionApproval", "EnvelopeAllocation", "EnvelopeAddition", "EnvelopeCut", "OverPlanApproval",
    ];

    /// <summary>
    /// The planning records are one per plan year and funding source (a call changes which proposals its year's plan
    /// takes): each planning form has three plan years of its own, one for each way it is tried here, from 2060 to 2080,
    /// which no other test uses.
    /// </summary>
    private static readonly Dictionary<string, int> FirstPlanYear = new()
    {
        ["CallOpen"] = 2060, ["PlanApproval"] = 2063, ["PlanRevisionApproval"] = 2066, ["EnvelopeAllocation"] = 2069,
        ["EnvelopeAddition"] = 2072, ["EnvelopeCut"] = 2075, ["OverPlanApproval"] = 2078,
    };

    /// <summary>The ways a form is tried, each giving a planning form its own plan year.</summary>
    private enum Way { LeavingTheField, FromTheField, NoSuchDay }

    public static TheoryData<string, bool> FormsAndWaysOfTyping
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var form in FormNames)
            {
                data.Add(form, true);
                data.Add(form, false);
            }
            return data;
        }
    }

    /// <summary>The forms tried with a day that does not exist: every one of them, required date fields included.</summary>
    public static TheoryData<string> Forms => [.. FormNames];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private PlatformApi Platform => new(web.Gateway, web.Accounts);

    [Theory]
    [MemberData(nameof(FormsAndWaysOfTyping))]
    public async Task The_days_typed_into_a_form_are_the_days_its_record_gets(string name, bool leaveTheFieldFirst)
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        var form = await OpenAsync(name, page, leaveTheFieldFirst ? Way.LeavingTheField : Way.FromTheField);
        foreach (var (label, day) in form.Dates)
        {
            await TypeAsync(form.Scope, label, Typed(day), leaveTheFieldFirst);
        }
        await form.CommandAsync();
        if (form.Confirmation is { } confirm)
        {
            await page.ConfirmAsync(confirm);
        }

        await Expect(page.Told().Filter(new() { HasText = "Đã " })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(string.Join(" ", form.Dates.Select(d => d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), await form.StoredAsync());
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_day_that_does_not_exist_is_said_under_its_field_without_a_confirmation_and_nothing_is_stored(string name)
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        var form = await OpenAsync(name, page, Way.NoSuchDay);
        var (wrong, _) = form.Dates[0];
        await TypeAsync(form.Scope, wrong, "31/02/2025", leave: true);
        foreach (var (label, day) in form.Dates.Skip(1))
        {
            await TypeAsync(form.Scope, label, Typed(day), leave: true);
        }
        await Expect(Under(form.Scope, wrong)).ToContainTextAsync(NoDate);

        await form.CommandAsync();
        await Expect(page.GetByText($"Chưa gửi: sửa ô nhập chưa đúng dạng: {wrong}.")).ToBeVisibleAsync();
        await Expect(Under(form.Scope, wrong)).ToContainTextAsync(NoDate);
        // There is nothing to confirm while the form cannot be sent: the command asks nothing.
        await Expect(page.Confirmation()).ToHaveCountAsync(0);
        Assert.Null(await form.StoredAsync());
    }

    [Theory]
    [InlineData("FairNew")]
    [InlineData("CompetitionNew")]
    [InlineData("CourseNew")]
    public async Task An_end_typed_before_its_start_is_refused_under_the_end_and_nothing_is_stored(string name)
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        var form = await OpenAsync(name, page, Way.LeavingTheField);
        var (dates, refusals) = name switch
        {
            "FairNew" => (
                new[] { ("Ngày khai mạc", Today.AddDays(60)), ("Ngày bế mạc", Today.AddDays(58)), ("Hạn đăng ký", Today.AddDays(61)) },
                new[] { ("Ngày bế mạc", "Không được trước ngày khai mạc."), ("Hạn đăng ký", "Không được sau ngày khai mạc.") }),
            "CompetitionNew" => (
                new[] { ("Ngày quyết định", Today.AddDays(-10)), ("Bắt đầu nhận hồ sơ", Today.AddDays(35)), ("Hết hạn nhận hồ sơ", Today.AddDays(5)) },
                new[] { ("Hết hạn nhận hồ sơ", "Không được trước ngày bắt đầu nhận hồ sơ.") }),
            _ => (
                new[] { ("Ngày khai giảng", Today.AddDays(40)), ("Ngày kết thúc", Today.AddDays(30)) },
                new[] { ("Ngày kết thúc", "Không được trước ngày bắt đầu.") }),
        };
        foreach (var (label, day) in dates)
        {
            await TypeAsync(form.Scope, label, Typed(day), leave: true);
        }
        await form.CommandAsync();

        foreach (var (label, refusal) in refusals)
        {
            await Expect(Under(form.Scope, label)).ToContainTextAsync(refusal);
        }
        // What was typed stays for the person to put right.
        foreach (var (label, day) in dates)
        {
            await Expect(form.Scope.GetByLabel(label, new() { Exact = true })).ToHaveValueAsync(Typed(day));
        }
        Assert.Null(await form.StoredAsync());
    }

    /// <summary>
    /// A form on screen with its fields other than the dates filled: the date fields with a day each that the record
    /// accepts, the command, the button that answers its confirmation (null when it asks none), and the days the
    /// service then holds (null while it holds none).
    /// </summary>
    private sealed record DateForm(
        ILocator Scope, IReadOnlyList<(string Label, DateOnly Day)> Dates, Func<Task> CommandAsync, string? Confirmation, Func<Task<string?>> StoredAsync);

    private Task<DateForm> OpenAsync(string name, IPage page, Way way) => name switch
    {
        "CallOpen" => CallOpenAsync(page, PlanYear(name, way)),
        "PlanApproval" => PlanApprovalAsync(page, PlanYear(name, way)),
        "PlanRevisionApproval" => PlanRevisionApprovalAsync(page, PlanYear(name, way)),
        "EnvelopeAllocation" => EnvelopeAllocationAsync(page, PlanYear(name, way)),
        "EnvelopeAddition" => EnvelopeChangeAsync(page, PlanYear(name, way), "Bổ sung dự toán", "Addition"),
        "EnvelopeCut" => EnvelopeChangeAsync(page, PlanYear(name, way), "Cắt giảm dự toán", "Cut"),
        "OverPlanApproval" => OverPlanApprovalAsync(page, PlanYear(name, way)),
        "FairNew" => FairNewAsync(page),
        "CompetitionNew" => CompetitionNewAsync(page),
        "CompetitionEntry" => CompetitionEntryAsync(page),
        "CompetitionResults" => CompetitionResultsAsync(page),
        "EstablishmentNew" => EstablishmentNewAsync(page),
        "CourseNew" => CourseNewAsync(page),
        "CourseSession" => CourseSessionAsync(page),
        "ApprovalForm" => ApprovalAsync(page),
        "ImplementationContractForm" => ContractAsync(page),
        "PaymentForm" => AdvanceAsync(page),
        "SettlementForm" => SettlementAsync(page),
        "ReturnOrCancelForm" => CancellationAsync(page),
        "FollowUpRow" => FollowUpAsync(page),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such form."),
    };

    private async Task<DateForm> FairNewAsync(IPage page)
    {
        var fair = $"Hội chợ làng nghề {Guid.NewGuid():N}"[..26];
        await page.OpenAsync("/fairs/new");
        await page.FillFieldAsync("Tên hội chợ", fair);
        await page.ChooseAsync("Loại hội chợ", "Hội chợ trong nước của chương trình");
        await page.FillFieldAsync("Đơn vị tổ chức", "Trung tâm XTPTCT Quảng Ninh");
        await page.FillFieldAsync("Địa điểm", "Cung Quy hoạch, Hội chợ và Triển lãm");
        await page.FillFieldAsync("Tỉnh, thành phố (hội chợ trong nước)", "Quảng Ninh");
        await page.FillFieldAsync("Số gian hàng", "20");
        await page.FillFieldAsync("Giá thuê một gian hàng", "12000000");
        return new DateForm(MainOf(page),
            [("Ngày khai mạc", Today.AddDays(60)), ("Ngày bế mạc", Today.AddDays(63)), ("Hạn đăng ký", Today.AddDays(30))],
            () => page.ClickButtonAsync("Lưu hội chợ"), null,
            async () =>
            {
                var listed = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/fairs?q={Uri.EscapeDataString(fair)}");
                return listed.GetProperty("items").EnumerateArray().Select(f => Days(f, "startDate", "endDate", "registrationDeadline")).SingleOrDefault();
            });
    }

    private async Task<DateForm> CompetitionNewAsync(IPage page)
    {
        var title = $"Bình chọn sản phẩm Hải Hà {Guid.NewGuid():N}"[..34];
        await page.OpenAsync("/products/competitions/new");
        await page.FillFieldAsync("Tên cuộc bình chọn", title);
        await page.ChooseAsync("Cấp", "Cấp huyện");
        await page.FillFieldAsync("Huyện, thị xã, thành phố tổ chức", "Hải Hà");
        // A decision allows a round in any year (Art. 14), so the form takes all three of its dates whatever the year.
        await page.FillFieldAsync("Số quyết định tổ chức ngoài năm định kỳ", "15/QĐ-UBND");
        return new DateForm(MainOf(page),
            [("Ngày quyết định", Today.AddDays(-10)), ("Bắt đầu nhận hồ sơ", Today.AddDays(5)), ("Hết hạn nhận hồ sơ", Today.AddDays(35))],
            () => page.ClickButtonAsync("Lưu"), null,
            async () =>
            {
                var listed = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/competitions?year={Today.Year}&level=District&status=Draft&pageSize=200");
                var id = listed.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("title").GetString() == title)
                    .Select(c => c.GetProperty("id").GetGuid()).SingleOrDefault();
                return id == Guid.Empty
                    ? null
                    : Days(await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{id}"),
                        "scheduleDecisionDate", "registrationOpensOn", "registrationClosesOn");
            });
    }

    private async Task<DateForm> CompetitionEntryAsync(IPage page)
    {
        var product = $"Chè Đường Hoa {Guid.NewGuid():N}"[..20];
        var taxCode = await Platform.RegisterEstablishmentAsync($"HTX {product}");
        var (competition, _) = await Platform.OpenCompetitionAsync(product, Today.AddDays(-5));
        await page.OpenAsync($"/products/competitions/{competition}");
        await page.FillFieldAsync("Mã số thuế cơ sở", taxCode);
        await page.ChooseAsync("Nhóm sản phẩm", "Chế biến nông, lâm, thủy sản và thực phẩm");
        await page.FillFieldAsync("Tên sản phẩm", product);
        await page.FillFieldAsync("Mô tả sản phẩm", "Chè búp tươi sao khô thủ công");
        return new DateForm(MainOf(page), [("Ngày nhận hồ sơ", Today.AddDays(-3))],
            () => page.ClickButtonAsync("Đăng ký sản phẩm"), null,
            async () =>
            {
                var entries = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/entries");
                return entries.EnumerateArray().Where(e => e.GetProperty("productName").GetString() == product).Select(e => Days(e, "receivedOn")).SingleOrDefault();
            });
    }

    private async Task<DateForm> CompetitionResultsAsync(IPage page)
    {
        var product = $"Miến dong {Guid.NewGuid():N}"[..16];
        var taxCode = await Platform.RegisterEstablishmentAsync($"HTX {product}");
        // The entry's dossier was received 90 days ago; the results are announced after it.
        var (competition, _, _) = await Platform.ScoredEntryAsync(taxCode, product);
        await page.OpenAsync($"/products/competitions/{competition}");
        await page.FillFieldAsync("Số quyết định công nhận", "20/QĐ-UBND");
        return new DateForm(MainOf(page), [("Ngày công bố", Today.AddDays(-50))],
            () => page.ClickButtonAsync("Công bố kết quả"), "Công bố kết quả",
            async () => (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}")).GetProperty("resultsPublishedOn").GetString());
    }

    private async Task<DateForm> EstablishmentNewAsync(IPage page)
    {
        var taxCode = PlatformApi.NewTaxCode();
        await page.OpenAsync("/establishments/new");
        await page.FillFieldAsync("Mã số thuế / số ĐKKD", taxCode);
        await page.FillFieldAsync("Tên cơ sở", "HTX Chè Đường Hoa " + taxCode);
        await page.ChooseAsync("Loại hình", "Hợp tác xã");
        await page.ChooseAsync("Ngành nghề", "Nông sản");
        await page.ChooseAsync("Đơn vị hành chính", "Đường Hoa");
        await page.FillFieldAsync("Địa chỉ", "Thôn 2, Đường Hoa");
        await page.FillFieldAsync("Người đại diện", "Nguyễn Văn An");
        await page.FillFieldAsync("Số lao động", "25");
        return new DateForm(MainOf(page), [("Ngày vào sổ (để trống là hôm nay)", Today.AddDays(-20))],
            () => page.ClickButtonAsync("Đăng ký"), null,
            async () =>
            {
                var found = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/establishments?taxCode={taxCode}");
                return found.GetProperty("items").EnumerateArray().Select(e => Days(e, "registeredOn")).SingleOrDefault();
            });
    }

    private async Task<DateForm> CourseNewAsync(IPage page)
    {
        var title = $"Đan cói {Guid.NewGuid():N}"[..18];
        await page.OpenAsync("/training/courses/new");
        await TypedInputTests.FillCoursePlanAsync(page, title, "Đan cói", seats: "30");
        return new DateForm(MainOf(page), [("Ngày khai giảng", Today.AddDays(30)), ("Ngày kết thúc", Today.AddDays(40))],
            () => page.ClickButtonAsync("Lưu kế hoạch"), null,
            async () =>
            {
                var listed = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses?q={Uri.EscapeDataString(title)}");
                return listed.GetProperty("items").EnumerateArray().Select(c => Days(c, "startDate", "endDate")).SingleOrDefault();
            });
    }

    /// <summary>The attendance of a session of a course under way (planned from 20 to 50 days ahead, its first session held).</summary>
    private async Task<DateForm> CourseSessionAsync(IPage page)
    {
        var topic = $"Kỹ thuật vò chè {Guid.NewGuid():N}"[..24];
        var trainee = $"Lò Văn {Guid.NewGuid():N}"[..14];
        var course = await Platform.CourseUnderWayAsync($"Chế biến chè {Guid.NewGuid():N}"[..22], trainee);
        await page.OpenAsync($"/training/courses/{course}");
        await page.FillFieldAsync("Nội dung buổi học", topic);
        await page.GetByLabel(trainee, new() { Exact = true }).CheckAsync();
        return new DateForm(MainOf(page), [("Ngày học", Today.AddDays(27))],
            () => page.ClickButtonAsync("Lưu điểm danh"), null,
            async () => (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/training/courses/{course}")).GetProperty("sessions").EnumerateArray()
                .Where(s => s.GetProperty("topic").GetString() == topic).Select(s => Days(s, "heldOn")).SingleOrDefault());
    }

    private async Task<DateForm> ApprovalAsync(IPage page)
    {
        var id = await ProposalAsync(Stage.Appraised);
        await page.OpenAsync($"/proposals/{id}");
        var approval = page.Section("Phê duyệt");
        await approval.FillFieldAsync("Số quyết định", "15/QĐ-SCT");
        return new DateForm(approval, [("Ngày quyết định", Today.AddDays(-40))],
            () => approval.ClickButtonAsync("Phê duyệt"), "Phê duyệt",
            async () => Days(Part(await ProposalOfAsync(id), "approval"), "decisionDate"));
    }

    private async Task<DateForm> ContractAsync(IPage page)
    {
        var id = await ProposalAsync(Stage.Approved);
        await page.OpenAsync($"/proposals/{id}");
        var contract = page.Section("Ký hợp đồng thực hiện");
        await contract.FillFieldAsync("Số hợp đồng", $"HĐ-{id[..4]}/{Today.Year}");
        return new DateForm(contract, [("Ngày ký", Today.AddDays(-30))],
            () => contract.ClickButtonAsync("Bắt đầu thực hiện"), null,
            async () => Days(Part(await ProposalOfAsync(id), "contract"), "signedOn"));
    }

    /// <summary>An advance of the support, offered by the form with the rest of the advance limit.</summary>
    private async Task<DateForm> AdvanceAsync(IPage page)
    {
        var id = await ProposalAsync(Stage.Contracted);
        await page.OpenAsync($"/proposals/{id}");
        var payment = page.Section("Chi trả kinh phí");
        return new DateForm(payment, [("Ngày chi", Today.AddDays(-20))],
            () => payment.ClickButtonAsync("Ghi nhận chi trả"), null,
            async () => (await ProposalOfAsync(id)).GetProperty("finance").GetProperty("payments").EnumerateArray()
                .Select(p => Days(p, "paidOn")).SingleOrDefault());
    }

    private async Task<DateForm> SettlementAsync(IPage page)
    {
        var id = await ProposalAsync(Stage.Accepted);
        await page.OpenAsync($"/proposals/{id}");
        var settlement = page.Section("Quyết toán");
        return new DateForm(settlement, [("Ngày quyết toán", Today.AddDays(-5))],
            () => settlement.ClickButtonAsync("Quyết toán"), null,
            async () => Days(Part(await ProposalOfAsync(id), "settlement"), "settledOn"));
    }

    /// <summary>The cancellation of an approved proposal, which names its decision.</summary>
    private async Task<DateForm> CancellationAsync(IPage page)
    {
        var id = await ProposalAsync(Stage.Approved);
        await page.OpenAsync($"/proposals/{id}");
        await page.ClickButtonAsync("Thao tác khác");
        var cancellation = page.Section("Trả lại, không phê duyệt hoặc hủy");
        await cancellation.FillFieldAsync("Lý do", "Cơ sở ngừng sản xuất");
        await cancellation.FillFieldAsync("Số quyết định", "40/QĐ-SCT");
        return new DateForm(cancellation, [("Ngày quyết định", Today.AddDays(-5))],
            () => cancellation.ClickButtonAsync("Hủy đề án"), "Hủy đề án",
            async () => Days(Part(await ProposalOfAsync(id), "cancellationDecision"), "decisionDate"));
    }

    /// <summary>The first post-support evaluation of a proposal accepted ten days ago.</summary>
    private async Task<DateForm> FollowUpAsync(IPage page)
    {
        var id = await ProposalAsync(Stage.Accepted);
        var first = (await ProposalOfAsync(id)).GetProperty("followUps")[0];
        await page.OpenAsync($"/proposals/{id}");
        var row = page.Section($"Đánh giá sau {first.GetProperty("monthsAfterAcceptance").GetInt32()} tháng");
        await row.ClickButtonAsync("Nhập kết quả đánh giá");
        await row.FillFieldAsync("Doanh thu", "1500000000");
        await row.FillFieldAsync("Số lao động", "14");
        await row.FillFieldAsync("Thu nhập bình quân", "6500000");
        return new DateForm(row, [("Ngày đánh giá", Today.AddDays(-3))],
            () => row.ClickButtonAsync("Ghi nhận đánh giá"), null,
            async () => (await ProposalOfAsync(id)).GetProperty("followUps").EnumerateArray()
                .Where(f => f.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid())
                .Select(f => Days(Part(f, "evaluation"), "evaluatedOn")).Single());
    }

    private static int PlanYear(string form, Way way) => FirstPlanYear[form] + (int)way;

    /// <summary>A call for registration opened from the calls page, its deadline typed in place of the default of 20 May.</summary>
    private async Task<DateForm> CallOpenAsync(IPage page, int year)
    {
        var title = $"Đợt đăng ký năm {year} {Guid.NewGuid():N}"[..30];
        await page.OpenAsync("/calls");
        var form = page.Section("Mở đợt đăng ký mới");
        await page.FillFieldAsync("Năm kế hoạch", year.ToString(CultureInfo.InvariantCulture));
        await page.FillFieldAsync("Tên đợt", title);
        await page.GetByLabel("3. Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến", new() { Exact = true }).CheckAsync();
        return new DateForm(form, [("Hạn đăng ký", new DateOnly(year - 1, 6, 14))],
            () => form.ClickButtonAsync("Mở đợt đăng ký"), "Mở đợt đăng ký",
            async () =>
            {
                var calls = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/calls?year={year}");
                return calls.EnumerateArray().Where(c => c.GetProperty("title").GetString() == title).Select(c => Days(c, "deadline")).SingleOrDefault();
            });
    }

    /// <summary>The approval of the first version of a plan compiled from one recommended proposal.</summary>
    private async Task<DateForm> PlanApprovalAsync(IPage page, int year)
    {
        await CompiledPlanAsync(year);
        await page.OpenAsync($"/plans?year={year}&source=Local");
        await page.FillFieldAsync("Số quyết định phê duyệt kế hoạch", $"{year % 100}/QĐ-UBND-KH");
        return new DateForm(MainOf(page), [("Ngày quyết định phê duyệt kế hoạch", Today.AddDays(-20))],
            () => page.ClickButtonAsync("Phê duyệt kế hoạch"), "Phê duyệt kế hoạch",
            () => PlanDecisionDateAsync(year, version: 1));
    }

    /// <summary>The approval of a revision of a plan approved 30 days ago.</summary>
    private async Task<DateForm> PlanRevisionApprovalAsync(IPage page, int year)
    {
        await CompiledPlanAsync(year);
        await PostAsync($"/api/proposals/plans/{year}/Local/versions/1/approve", new { decisionNumber = $"{year % 100}/QĐ-UBND-KH", decisionDate = Iso(Today.AddDays(-30)) });
        await PostAsync("/api/proposals/plans", new { planYear = year, fundingSource = "Local", reason = "Bổ sung đề án theo đợt đăng ký bổ sung" });
        await page.OpenAsync($"/plans?year={year}&source=Local");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phê duyệt phiên bản 2" })).ToBeVisibleAsync();
        await page.FillFieldAsync("Số quyết định phê duyệt kế hoạch", $"{year % 100}/QĐ-UBND-ĐC");
        return new DateForm(MainOf(page), [("Ngày quyết định phê duyệt kế hoạch", Today.AddDays(-10))],
            () => page.ClickButtonAsync("Phê duyệt kế hoạch"), "Phê duyệt kế hoạch",
            () => PlanDecisionDateAsync(year, version: 2));
    }

    /// <summary>The first decision on a year's envelope, which allocates it.</summary>
    private async Task<DateForm> EnvelopeAllocationAsync(IPage page, int year)
    {
        await page.OpenAsync($"/budget?year={year}");
        await Expect(page.GetByTestId("envelope-Local-allocated")).ToHaveTextAsync("—");
        await FillEnvelopeDecisionAsync(page, "Giao dự toán", "500000000", $"{year % 100}/QĐ-UBND");
        return new DateForm(MainOf(page), [("Ngày quyết định", Today.AddDays(-15))],
            () => page.ClickButtonAsync("Ghi quyết định"), "Ghi quyết định",
            () => EnvelopeDecisionDateAsync(year, "Allocation"));
    }

    /// <summary>An addition to, or a cut from, an envelope allocated 30 days ago.</summary>
    private async Task<DateForm> EnvelopeChangeAsync(IPage page, int year, string kind, string stored)
    {
        await PostAsync("/api/proposals/budget-envelopes", new
        {
            planYear = year, fundingSource = "Local", amount = 500_000_000, decisionNumber = $"{year % 100}/QĐ-UBND", decisionDate = Iso(Today.AddDays(-30)),
        });
        await page.OpenAsync($"/budget?year={year}");
        await Expect(page.GetByTestId("envelope-Local-allocated")).ToHaveTextAsync("500.000.000 ₫");
        await FillEnvelopeDecisionAsync(page, kind, "100000000", $"{year % 100}/QĐ-UBND-{stored}");
        return new DateForm(MainOf(page), [("Ngày quyết định", Today.AddDays(-5))],
            () => page.ClickButtonAsync("Ghi quyết định"), "Ghi quyết định",
            () => EnvelopeDecisionDateAsync(year, stored));
    }

    /// <summary>
    /// The decision to exceed the plan, offered once an approval of 300,000,000 ₫ is refused for going beyond an envelope
    /// of 100,000,000 ₫.
    /// </summary>
    private async Task<DateForm> OverPlanApprovalAsync(IPage page, int year)
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, year, unit: "dk-van-don"));
        await PostAsync("/api/proposals/budget-envelopes", new
        {
            planYear = year, fundingSource = "Local", amount = 100_000_000, decisionNumber = $"{year % 100}/QĐ-UBND", decisionDate = Iso(Today.AddDays(-30)),
        });
        await page.OpenAsync($"/proposals/{id}");
        var approval = page.Section("Phê duyệt");
        await approval.FillFieldAsync("Số quyết định", $"{year % 100}/QĐ-SCT");
        await approval.ClickButtonAsync("Phê duyệt");
        await page.ConfirmAsync("Phê duyệt");
        await Expect(approval.GetByText("vượt số dự toán còn lại").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var exceed = page.Section("Quyết định phê duyệt vượt kế hoạch");
        await exceed.FillFieldAsync("Số quyết định vượt kế hoạch", $"{year % 100}/QĐ-UBND-VKH");
        await exceed.FillFieldAsync("Lý do vượt kế hoạch", "Đề án cấp bách của tỉnh");
        return new DateForm(exceed, [("Ngày quyết định vượt kế hoạch", Today.AddDays(-2))],
            () => exceed.ClickButtonAsync("Phê duyệt vượt kế hoạch"), null,
            async () => Days(Part(await ProposalOfAsync(id), "planExceedance"), "decisionDate"));
    }

    /// <summary>A draft plan of the year (local funding) holding one appraised proposal.</summary>
    private async Task CompiledPlanAsync(int year)
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, year, unit: "dk-van-don"));
        await PostAsync("/api/proposals/plans", new { planYear = year, fundingSource = "Local" });
    }

    private async Task<string?> PlanDecisionDateAsync(int year, int version)
    {
        var plan = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/plans/{year}/Local");
        return plan.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == version).GetProperty("decisionDate").GetString();
    }

    private async Task<string?> EnvelopeDecisionDateAsync(int year, string kind)
    {
        var envelope = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/budget-envelopes/{year}/Local");
        return envelope.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind).Select(e => Days(e, "decisionDate")).SingleOrDefault();
    }

    /// <summary>The budget page's decision form with all but its date.</summary>
    private static async Task FillEnvelopeDecisionAsync(IPage page, string kind, string amount, string number)
    {
        await page.ChooseAsync("Loại quyết định", kind);
        await page.ChooseAsync("Nguồn kinh phí", "Khuyến công địa phương");
        await page.FillFieldAsync("Số tiền của quyết định", amount);
        await page.FillFieldAsync("Số quyết định", number);
    }

    private async Task PostAsync(string path, object body)
    {
        using var answer = await web.Gateway.PostAsJsonAsync(path, body);
        Assert.True(answer.IsSuccessStatusCode, $"POST {path}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    private enum Stage { Appraised, Approved, Contracted, Accepted }

    /// <summary>A proposal of this year, appraised, then as far as <paramref name="stage"/>: approved 40 days ago, contracted 30, accepted 10.</summary>
    private async Task<string> ProposalAsync(Stage stage)
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, Today.Year, unit: "dk-van-don"));
        if (stage >= Stage.Approved)
        {
            await journey.ApproveAsync(id, 300_000_000, Iso(Today.AddDays(-40)));
        }
        if (stage >= Stage.Contracted)
        {
            await journey.PostAsync(id, "implementation", new { contractNumber = $"HĐ-{id[..4]}/{Today.Year}", signedOn = Iso(Today.AddDays(-30)) });
        }
        if (stage >= Stage.Accepted)
        {
            await journey.PostAsync(id, "accept", new
            {
                acceptedOn = Iso(Today.AddDays(-10)), actualTotalSpend = 1_000_000_000, actualSupportUsed = 300_000_000, actualOwnCapital = 700_000_000,
                actualOtherSources = 0, jobsCreated = 12, averageWage = 6_000_000, outputs = "1 lò nung",
            });
        }
        return id;
    }

    private Task<JsonElement> ProposalOfAsync(string id) => web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");

    /// <summary>Types the text into the labelled field key by key, over what it held (a person selects the day offered first).</summary>
    private static async Task TypeAsync(ILocator scope, string label, string text, bool leave)
    {
        var field = scope.GetByLabel(label, new() { Exact = true });
        await field.ClickAsync();
        await field.PressAsync("Control+A");
        await field.PressSequentiallyAsync(text);
        if (leave)
        {
            await field.PressAsync("Tab");
        }
        await Expect(field).ToHaveValueAsync(text);
    }

    /// <summary>The labelled field with what is written under it.</summary>
    private static ILocator Under(ILocator scope, string label) =>
        scope.Locator(".mud-input-control").Filter(new() { Has = scope.Page.GetByLabel(label, new() { Exact = true }) });

    private static ILocator MainOf(IPage page) => page.Locator("main");

    /// <summary>The record's days, in the API's form, one after another; null when there is no record.</summary>
    private static string? Days(JsonElement record, params string[] properties) =>
        record.ValueKind == JsonValueKind.Object ? string.Join(" ", properties.Select(p => record.GetProperty(p).GetString())) : null;

    /// <summary>A part of a record (its approval, its contract…), undefined while the record has none.</summary>
    private static JsonElement Part(JsonElement record, string name) => record.TryGetProperty(name, out var part) ? part : default;

    private static string Typed(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
